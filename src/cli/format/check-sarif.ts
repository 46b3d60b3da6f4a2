/**
 * `check --format sarif`: SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format) for code-scanning tools.
 *
 * One run. tool.driver is crossfoot with its version and every rule of the packs used (id, shortDescription in the
 * run's language, default level); a finding whose rule is not in the packs gets a rule entry named by its id. Each
 * finding is one result: ruleId + ruleIndex, level (error → error, warning → warning, info → note), message.text (the
 * finding's message, then the suspect cell), one location whose physicalLocation names the workbook and whose
 * logicalLocation is the cell `Sheet!A1`, relatedLocations for the other cells of the relation, and properties
 * carrying the amounts (decimal strings) and the suspect. All text is in the report's language (run.language). No
 * colours.
 *
 * The workbook's uri: a relative path stays relative (segments percent-encoded, "/" separators), an absolute path
 * becomes a file:// URI.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { t, type Lang } from '../../i18n';
import type { CellRef } from '../../model/address';
import type { Finding, RuleDef, RulePack, Severity } from '../../rules';
import type { CheckReport } from '../check';
import { cliMessages } from '../messages';
import { sheetCell } from './check-common';
import { checkJsonFinding, type CheckJsonSuspect } from './check-json';

export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export interface SarifMessage {
  text: string;
}

export interface SarifLogicalLocation {
  fullyQualifiedName: string;
  name: string;
  kind: string;
}

export interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; index: number } };
  logicalLocations: SarifLogicalLocation[];
  message?: SarifMessage;
}

export interface SarifRule {
  id: string;
  shortDescription: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { pack: string | null };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: { 'crossfootFindingId/v1': string };
  properties: {
    status: Finding['status'];
    verdict: Finding['verdict'];
    table: string | null;
    expected: string | null;
    actual: string | null;
    difference: string | null;
    allowance: string | null;
    suspect: CheckJsonSuspect | null;
  };
}

export interface SarifLog {
  $schema: string;
  version: typeof SARIF_VERSION;
  runs: Array<{
    tool: { driver: { name: string; version: string; informationUri?: string; rules: SarifRule[] } };
    language: Lang;
    artifacts: Array<{ location: { uri: string } }>;
    results: SarifResult[];
  }>;
}

export interface CheckSarifOptions {
  /** crossfoot's version (tool.driver.version) */
  version: string;
}

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'error':
      return 'error';
    case 'warning':
      return 'warning';
    case 'info':
      return 'note';
  }
}

const encodeSegments = (p: string): string =>
  p
    .split(/[\\/]/)
    .map((seg) => encodeURIComponent(seg))
    .join('/');

/** The workbook path as a SARIF uri-reference (see the file comment). */
export function artifactUri(file: string): string {
  if (path.isAbsolute(file)) return pathToFileURL(file).href;
  // a Windows drive path read on another platform
  if (/^[A-Za-z]:[\\/]/.test(file)) return `file:///${file.slice(0, 2)}/${encodeSegments(file.slice(3))}`;
  return encodeSegments(file);
}

function sarifRules(packs: readonly RulePack[], findings: readonly Finding[], lang: Lang): SarifRule[] {
  const rules: SarifRule[] = [];
  const seen = new Set<string>();
  const add = (rule: RuleDef, pack: string | null) => {
    if (seen.has(rule.id)) return;
    seen.add(rule.id);
    rules.push({
      id: rule.id,
      shortDescription: { text: rule.description[lang] },
      defaultConfiguration: { level: sarifLevel(rule.soft ? 'warning' : rule.severity) },
      properties: { pack },
    });
  };
  for (const pack of packs) for (const rule of pack.rules) add(rule, pack.id);
  for (const f of findings) {
    if (seen.has(f.rule)) continue;
    seen.add(f.rule);
    rules.push({
      id: f.rule,
      shortDescription: { text: f.rule },
      defaultConfiguration: { level: sarifLevel(f.severity) },
      properties: { pack: null },
    });
  }
  return rules;
}

function cellLocation(ref: CellRef, uri: string, id?: number): SarifLocation {
  const name = sheetCell(ref);
  const loc: SarifLocation = {
    physicalLocation: { artifactLocation: { uri, index: 0 } },
    logicalLocations: [{ fullyQualifiedName: name, name: ref.cell, kind: 'cell' }],
  };
  if (id !== undefined) return { id, ...loc };
  return loc;
}

function messageText(f: Finding, lang: Lang): string {
  const text = f.message.replace(/\s+/g, ' ').trim();
  if (!f.suspect) return text;
  const suspect = t(cliMessages, lang, 'check.suspect', {
    where: sheetCell({ sheet: f.suspect.sheet, cell: f.suspect.cell }),
    proposed: f.suspect.proposed,
    reason: f.suspect.reason.replace(/\s+/g, ' ').trim(),
  });
  return `${text} ${suspect}`;
}

export function checkSarif(report: CheckReport, options: CheckSarifOptions): SarifLog {
  const lang = report.lang;
  const uri = artifactUri(report.file);
  const rules = sarifRules(report.packs, report.findings, lang);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.findings.map((f): SarifResult => {
    const j = checkJsonFinding(f);
    const key = (r: CellRef) => `${r.sheet}!${r.cell}`;
    const others = f.cells.filter((c) => key(c) !== key(f.location));
    const unique = [...new Map(others.map((c) => [key(c), c])).values()];
    const result: SarifResult = {
      ruleId: f.rule,
      ruleIndex: index.get(f.rule)!,
      level: sarifLevel(f.severity),
      message: { text: messageText(f, lang) },
      locations: [cellLocation(f.location, uri)],
      partialFingerprints: { 'crossfootFindingId/v1': f.id },
      properties: {
        status: j.status,
        verdict: j.verdict,
        table: j.table,
        expected: j.expected,
        actual: j.actual,
        difference: j.difference,
        allowance: j.allowance,
        suspect: j.suspect,
      },
    };
    if (unique.length > 0) result.relatedLocations = unique.map((c, i) => cellLocation(c, uri, i + 1));
    return result;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: 'crossfoot', version: options.version, rules } },
        language: lang,
        artifacts: [{ location: { uri } }],
        results,
      },
    ],
  };
}

/** The SARIF log, pretty-printed, ending in a newline. */
export function formatCheckSarif(report: CheckReport, options: CheckSarifOptions): string {
  return `${JSON.stringify(checkSarif(report, options), null, 2)}\n`;
}
