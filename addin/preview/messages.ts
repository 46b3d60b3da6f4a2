/** Strings of the preview page around the task pane (the pane has its own catalog). */
import { defineMessages } from '../../src/i18n';

export const previewMessages = defineMessages(
  {
    'title': '勾稽助手 · 浏览器预览',
    'note': '此页面模拟 Excel 中的任务窗格：示例工作簿只在本页中，出错说明保存在本机浏览器。双击单元格可修改数字。',
    'sample.label': '示例工作簿',
    'sample.seed-001-error': '部门决算（含一处录入错误）',
    'sample.seed-001': '部门决算（原样）',
    'sheets.label': '工作表',
    'grid.label': (p: { sheet: string }) => `工作表“${p.sheet}”`,
    'namebox.label': '名称框',
    'formula.label': '编辑栏',
    'loading': '正在加载示例工作簿…',
    'load-failed': (p: { detail: string }) => `示例工作簿加载失败：${p.detail}`,
    'edit.label': (p: { cell: string }) => `编辑 ${p.cell}`,
  },
  {
    'title': 'Crossfoot · browser preview',
    'note':
      'This page stands in for the task pane in Excel: the sample workbook lives only in this page and accepted ' +
      'findings are kept in this browser. Double-click a cell to change a figure.',
    'sample.label': 'Sample workbook',
    'sample.seed-001-error': 'Final accounts (one typing slip)',
    'sample.seed-001': 'Final accounts (as published)',
    'sheets.label': 'Sheets',
    'grid.label': (p: { sheet: string }) => `Sheet "${p.sheet}"`,
    'namebox.label': 'Name box',
    'formula.label': 'Formula bar',
    'loading': 'Loading the sample workbook…',
    'load-failed': (p: { detail: string }) => `The sample workbook could not be loaded: ${p.detail}`,
    'edit.label': (p: { cell: string }) => `Edit ${p.cell}`,
  },
);
