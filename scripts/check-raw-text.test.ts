// The raw-text lint (npm run lint): it finds words a template hard-codes, and leaves alone what is
// the same in every language. Its first run found 198 raw texts in the window's templates.
import { describe, expect, it } from 'vitest';
import { findRawText, rawTextIn } from './check-raw-text';

describe('check-raw-text', () => {
  it('finds text and user-visible attributes written into a template, in any script', () => {
    const found = rawTextIn(
      `<script lang="ts">const x = 'Not a template';</script>
<h2>Workspace</h2>
<button aria-label="Copy the Site URL" title={t('ws.copy')}>{t('ws.copy')}</button>
<input placeholder="e.g. Plant 7" />
<p>مساحة العمل</p>
<span class="mark" aria-hidden="true">RC</span> <code>SHA-256</code> <input placeholder="https://chat.example.lan" /> <i>→ · 12</i>
<style>.a::before { content: 'Words'; }</style>`,
      'x.svelte',
    ).map((r) => `${r.line}: ${r.text}`);
    expect(found).toEqual(['2: Workspace', '3: aria-label="Copy the Site URL"', '4: placeholder="e.g. Plant 7"', '5: مساحة العمل']);
  });

  it("the window's templates have none", () => {
    expect(findRawText(process.cwd())).toEqual([]);
  });
});
