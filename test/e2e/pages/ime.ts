import type { CDPSession, Page } from '@playwright/test';

/**
 * A Chinese input method, driven through the DevTools protocol the way a real one drives the page:
 * it composes (the pinyin or a candidate shows in the field), takes keys meanwhile (the page sees
 * them with keyCode 229: Enter picks a candidate, Escape cancels), and commits the words chosen.
 */
export class InputMethod {
  private constructor(private readonly cdp: CDPSession) {}

  /** An input method typing into whatever has the focus in `page`. */
  static async on(page: Page): Promise<InputMethod> {
    return new InputMethod(await page.context().newCDPSession(page));
  }

  /** Shows `text` as the composition, the caret after it. */
  async compose(text: string): Promise<void> {
    await this.cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }

  /** A key pressed while composing: it belongs to the input method. */
  async press(key: 'Enter' | 'Escape'): Promise<void> {
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: 229 });
    await this.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: 229 });
  }

  /** Ends the composition with the words chosen. */
  async commit(words: string): Promise<void> {
    await this.cdp.send('Input.insertText', { text: words });
  }
}
