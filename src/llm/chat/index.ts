/**
 * Chat over one checked workbook: the context (./context), the tools the model may call (./tools), the session with
 * its bounded tool loop, citations and verified numbers (./session). Host-agnostic: the add-in's chat panel and
 * `crossfoot chat` both use it; no Node built-ins, no Office.js.
 */
export { buildChatContext, recheck, type ChatContext, type ChatContextOptions, type ChatCheckCounts } from './context';
export {
  createChatSession,
  type ChatProposal,
  type ChatSession,
  type ChatSessionOptions,
  type ChatToolCallRecord,
  type ChatTurn,
  type SendOptions,
} from './session';
export {
  CHAT_TOOL_NAMES,
  chatToolSpecs,
  looksLikeInstruction,
  runToolCall,
  type ChatToolName,
  type CitableCell,
  type ProposalTarget,
  type ToolOutcome,
} from './tools';
export { citationsOf, type Citation } from './citations';
export { answerSegments, type AnswerSegment } from './segments';
export { findCellReferences, formatRef, parseRef, type CellReference } from './refs';
export { verifyAnswer, stripReferences, type AnswerProblem } from './verify';
export { chatSystemPrompt, workbookOverview, type ChatPromptSource } from './prompt';
export { chatMessages } from './messages';
