/**
 * The pane's theme: Fluent's web light theme with a font stack that renders Chinese with a proper CJK face on every
 * platform (Microsoft YaHei on Windows, PingFang on macOS, Noto Sans CJK on Linux) and keeps Segoe UI for Latin text.
 */
import { webLightTheme, type Theme } from '@fluentui/react-components';

const CJK = "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC'";

export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, ${CJK}, Roboto, 'Helvetica Neue', sans-serif`,
  fontFamilyNumeric: `Bahnschrift, 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, ${CJK}, Roboto, 'Helvetica Neue', sans-serif`,
};
