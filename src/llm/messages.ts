/**
 * The language-model layer's own texts (zh-CN / en-US): the data notice — what leaves the machine, to which endpoint.
 */
import { defineMessages } from '../i18n';

export const llmMessages = defineMessages(
  {
    'notice.title': '数据外发提示',
    'notice.intro': (p: { endpoint: string; model: string }) =>
      `使用语言模型功能时，下列内容会发送到 ${p.endpoint}（模型 ${p.model}），由该服务处理：`,
    'notice.where.local': '该地址在本机，数据不会离开这台电脑。',
    'notice.where.private': '该地址看起来位于本单位内网，数据不经过互联网（请与信息部门确认）。',
    'notice.where.remote': (p: { host: string }) =>
      `该地址是外部服务 ${p.host}：数据将离开本单位网络，并受该服务的隐私条款约束。请确认已获准把这些材料发送给它。`,
    'notice.unencrypted': '连接未加密（http://），网络上的其他人可能看到发送的内容。',
    'notice.task.draft-reasons':
      '起草“变动原因”：相关表格行的名称和金额（本年数、上年数、增减额和增减率），以及您为此提供的材料（说明、项目清单、上年的情况说明）。',
    'notice.task.draft-performance': '起草绩效自评综述：绩效自评表中的项目名称、绩效指标、目标值、完成值和得分。',
    'notice.task.polish': '润色：待润色的说明文字（其中的数字由本工具核对，模型改动的数字不会被采用）。',
    'notice.task.chat':
      '问答：您的问题和本次对话记录，以及为回答问题而查询到的检查结果、数字、表格行名称及其单元格位置。单元格中的文字只作为资料发送，不作为指令。',
    'notice.not-sent': '不会发送整个工作簿文件，也不会发送上面未列出的工作表内容。',
    'notice.key.cli': '访问密钥只从环境变量 CROSSFOOT_LLM_API_KEY 读取，只用于连接该服务，不会写入工作簿、报告或日志。',
    'notice.key.addin': '访问密钥只保存在本机加载项自己的存储中，只用于连接该服务，不会写入工作簿，也不会写入日志。',
    'notice.key.none': '未设置访问密钥（本地服务通常不需要）。',
    'notice.consent': '没有设置服务地址时，不会向任何服务发送数据；生成的文字只有在您确认后才会写入。',
  },
  {
    'notice.title': 'What leaves this computer',
    'notice.intro': (p: { endpoint: string; model: string }) =>
      `When you use the language model features, the following is sent to ${p.endpoint} (model ${p.model}) and processed there:`,
    'notice.where.local': 'This address is on this computer: the data does not leave it.',
    'notice.where.private':
      'This address looks like one on your organisation’s internal network: the data does not cross the internet (check with your IT department).',
    'notice.where.remote': (p: { host: string }) =>
      `This address is an external service, ${p.host}: the data leaves your organisation’s network and is subject to that service’s privacy terms. Make sure you are allowed to send this material to it.`,
    'notice.unencrypted': 'The connection is not encrypted (http://): others on the network may see what is sent.',
    'notice.task.draft-reasons':
      'Drafting reasons for change: the names and amounts of the table rows concerned (this year, last year, change and rate of change), and the material you provide for it (notes, a project list, last year’s narrative).',
    'notice.task.draft-performance':
      'Drafting the performance self-assessment summary: the project names, indicators, targets, results and scores of the performance tables.',
    'notice.task.polish': 'Polishing: the narrative text to polish (its figures are checked by this tool; a figure the model changes is not accepted).',
    'notice.task.chat':
      'Chat: your questions and the conversation so far, and the findings, figures, row labels and cell addresses looked up to answer them. Text from cells is sent as data, never as instructions.',
    'notice.not-sent': 'The workbook file itself is never sent, nor any sheet content not listed above.',
    'notice.key.cli':
      'The API key is read only from the environment variable CROSSFOOT_LLM_API_KEY and used only to reach this service; it is never written into a workbook, a report or a log.',
    'notice.key.addin':
      'The API key is kept only in the add-in’s own storage on this computer and used only to reach this service; it is never written into the workbook or a log.',
    'notice.key.none': 'No API key is set (local servers usually need none).',
    'notice.consent': 'Nothing is sent to any service until an endpoint is set, and generated text is written only when you confirm it.',
  },
);
