/**
 * The interface language (`--lang zh|en`; default from LC_ALL, LC_MESSAGES, LANG: zh for zh_*
 * locales, else en) and `t(key, params)` over one message catalogue (messages.ts). Findings are
 * Chinese whatever the language; stored values (manifest, JSON) stay English machine text and are
 * translated only when shown (`reasonText`).
 */
import { EN, ZH, REASONS_ZH, type MessageKey } from './messages.ts';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];
export type { MessageKey };

/** The language a locale environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set decides. */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^zh([_.@-]|$)/i.test(locale) ? 'zh' : 'en';
}

let current: Lang = langFromEnv();

/** Sets the language of every message after this call. */
export function setLang(l: Lang): void {
  current = l;
}

/** The language messages are in now. */
export function lang(): Lang {
  return current;
}

/** Whether a string is a language this catalogue speaks. */
export function isLang(s: string): s is Lang {
  return (LANGS as readonly string[]).includes(s);
}

export type Params = Readonly<Record<string, string | number>>;

/** `{name}` in a template replaced by `params.name` (left as is when absent). */
function fill(template: string, params: Params | undefined): string {
  return params ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : template;
}

/** The message `key` in the current language (or `l`), its `{params}` filled in. */
export function t(key: MessageKey, params?: Params, l: Lang = current): string {
  return fill((l === 'zh' ? ZH : EN)[key], params);
}

/** Every message of one language (the report's script takes its labels from here). */
export function catalogue(l: Lang = current): Readonly<Record<MessageKey, string>> {
  return l === 'zh' ? ZH : EN;
}

/**
 * A stored English reason ('encrypted: wrong password', 'page 3: timeout after 60s', …) as shown in
 * the current language; under en, or for a reason the table does not know, the reason itself (a
 * known head is translated and the rest kept: 'damaged or truncated PDF (…)').
 */
export function reasonText(reason: string, l: Lang = current): string {
  if (l === 'en') return reason;
  const page = /^page (\d+): (.*)$/s.exec(reason);
  if (page) return `第 ${page[1]} 页：${reasonText(page[2]!, l)}`;
  for (const [re, zh] of REASONS_ZH) {
    const m = re.exec(reason);
    if (m) return zh.replace(/\$(\d)/g, (_, i: string) => m[Number(i)] ?? '');
  }
  return reason;
}
