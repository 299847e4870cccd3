// Web-page chrome: the furniture of a government portal around a policy text — the index number,
// subject category, view counter, font-size and print buttons, "back to top", attachment links,
// breadcrumbs, list bullets, and the numbers of an HTML ordered list that held the metadata.
//
// Decisions:
// - Metadata a researcher cites stays in the cleaned text: 文号/文件编号/编号, 成文日期/发布日期,
//   发布机构/发布单位, 有效性, 年度期数. They are part of the document as published, and search
//   must find a 文号 that is printed only there. Only their list bullets and list numbers go.
// - Portal furniture goes: 索引号, 主题分类, 公开方式, 政策原文/政策解读 links, 浏览次数,
//   字体/打印/关闭/返回顶部 buttons, [附件下载], breadcrumbs, "if you have questions, consult online".
//   Metadata extraction receives the raw text too, so nothing it needs is lost.
// - A chrome *line* is dropped only when it is short: a long line that merely starts like chrome
//   is more likely policy text and is kept.

import { matchLabel } from '../segment/labels';

const MAX_CHROME_LINE = 80;

/** Lines of portal furniture, recognised by their field name. */
const CHROME_LINE = [
  /^索\s*引\s*号\s*[:：]?/,
  /^主\s*题\s*分\s*类\s*[:：]/,
  /^公\s*开\s*方\s*式\s*[:：]/,
  /^公开(范围|属性)\s*[:：]/,
  /^政策(原文|解读)\s*[:：]/,
  /^(分享到|扫一扫|相关链接|相关文件|上一篇|下一篇)\s*[:：]?/,
  /(首页|当前位置|您的位置|所在位置)\s*[:：]?\s*(\S+\s*)?[>＞»]/, // breadcrumb
  /^如果您对.{0,30}(疑问|问题|建议).{0,40}咨询/,
  // The site footer: who runs the site, its registration numbers, its postal address.
  /网站标识码|ICP备\s*\d|公网安备|^\s*(版权所有|Copyright|©)|版权所有\s*[:：©(（]|Copyright\s*©/i,
  /^(主办单位|主办)\s*[:：].{0,40}(承办单位|承办|技术支持|维护单位)\s*[:：]/,
  /^(技术支持|网站维护|维护单位)\s*[:：]\s*\S{2,30}(公司|中心)$/,
  /^(地址|通讯地址|联系地址)\s*[:：].{0,40}(邮编|邮政编码|电话)\s*[:：]/,
];

/**
 * A navigation bar: at least three short menu entries separated by | or ｜ (首页 | 政务公开 | …).
 * Table rows reach cleanup separated by tabs, not bars, and sentences never chain short words this way.
 */
function isNavigationBar(line: string): boolean {
  const entries = line.split(/\s*[|｜]\s*/);
  return entries.length >= 3 && entries.every((e) => e.length > 0 && e.length <= 8 && !/[。，,；;：:]/.test(e));
}

/**
 * Furniture inside a line that otherwise carries text: removed, the rest kept, in this order. Each
 * with the characters one of its matches must hold: a line without them is not searched (removals
 * only delete, so a line that lacks them cannot gain them from an earlier step).
 */
const CHROME_FRAGMENT: ReadonlyArray<readonly [fragment: RegExp, needs: RegExp]> = [
  [/[【[]\s*(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|附件下载|下载附件|加入收藏|收藏|保存本页|大|中|小)\s*[】\]]/g, /[【[]/],
  [/(浏览次数|访问次数|点击数|点击量|阅读次数|访问量)\s*[:：]\s*\d*/g, /[数量]/],
  // 字体/字号 as a button, not the end of a field name (发文字号：合政办〔2020〕7号).
  [/(?<![\u4e00-\u9fff])字\s*[体号](大小)?\s*[:：]\s*(\[[大中小\s]*\]|【[大中小\s]*】|[大中小](\s*[大中小]){1,2})?/g, /字/],
  [/阅读版本\s*[:：]/g, /阅/],
  [/(返回顶部|打印本页|关闭窗口)/g, /[顶页窗]/],
  [/【\s*】|\[\s*\]/g, /[【[]/], // brackets emptied by the removals above
];

/** What is left of a line after its furniture went, when nothing of value remains. */
const EMPTY_REMAINDER = /^[\s:：|｜/\-—>＞»·•]*(打印|关闭|分享)?[\s:：|｜/\-—>＞»·•]*$/;

const BULLET = /^[•·▪◦●○■□◆◇▶►‣⁃∙]\s*/;

/** Field names of document metadata that portals print as an (ordered) list. */
const METADATA_KEY =
  /^(年度期数|总期刊数|总期数|期数|成文日期|发布日期|发文日期|印发日期|生效日期|实施日期|废止日期|编号|文号|文件编号|发文字号|发布文号|发文机关|发布机构|发布单位|发文单位|有效性|时效性|效力状态|索引号|主题分类|标题|名称)/;
const LIST_NUMBER = /^(\d{1,2})[.．]\s+/;

/**
 * Removes portal chrome from trimmed lines. Blank lines are kept (they still separate paragraphs);
 * a dropped line becomes blank.
 */
export function removeChrome(lines: string[]): string[] {
  let listNext = 0; // next number of a metadata list whose numbers are being removed, 0 if none
  return lines.map((raw) => {
    let line = raw.replace(BULLET, '');
    if (line.length <= MAX_CHROME_LINE && (CHROME_LINE.some((re) => re.test(line)) || isNavigationBar(line))) return '';
    for (const [re, needs] of CHROME_FRAGMENT) if (needs.test(line)) line = line.replace(re, '');
    if (line !== raw.replace(BULLET, '') && EMPTY_REMAINDER.test(line)) return '';

    // An HTML ordered list of metadata ("1. 年度期数 …", "2. 成文日期 …") and the item that follows
    // it in the same list ("5. 各区、市人民政府…"): list numbers, not clause labels.
    const num = LIST_NUMBER.exec(line);
    if (num) {
      const n = Number(num[1]);
      const rest = line.slice(num[0].length);
      if (METADATA_KEY.test(rest) || (listNext > 0 && n === listNext)) {
        listNext = n + 1;
        return rest.trim();
      }
    }
    if (line.trim()) listNext = 0;
    return line.trim();
  });
}

/**
 * A line that holds only a label ("1." left by an empty HTML list item, or a label the extractor put
 * on its own line) carries no text. When text follows directly, the label belongs to it; otherwise
 * it is dropped.
 */
export function attachBareLabels(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = line ? matchLabel(line) : null;
    if (!m || m.length < line.length) {
      out.push(line);
      continue;
    }
    const next = lines[i + 1];
    if (next && !matchLabel(next)) {
      out.push(line + next);
      i++;
    } else {
      out.push('');
    }
  }
  return out;
}
