import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { claimLanguageWarning, languageName, languagesSpoken, speaks } from '../../domain/handoff/language-routing';

describe('routing a handoff by language', () => {
  it('when a token lists no languages, then its person counts as reading English only', () => {
    assert.deepEqual(languagesSpoken([]), ['en']);
    assert.equal(speaks([], 'en'), true);
    assert.equal(speaks([], 'de'), false);
  });

  it('when languages carry a region, then they are compared by their primary subtag', () => {
    for (const [languages, language, expected] of [
      [['pt-br'], 'pt', true],
      [['pt'], 'pt-BR', true],
      [['de', 'fr'], 'fr', true],
      [['de', 'fr'], 'en', false],
      [['es'], 'pt', false],
    ] as const) {
      assert.equal(speaks(languages, language), expected, `${languages.join(',')} speaks ${language}`);
    }
  });

  it('when a code is known or not, then it is named in English or left as it is', () => {
    assert.equal(languageName('de'), 'German');
    assert.equal(languageName('pt'), 'Portuguese');
    assert.equal(languageName('xx'), 'xx');
    assert.equal(languageName('not a code'), 'not a code');
  });

  it('when the claimer lacks the customer\'s language, then the warning names it and what their token lists; otherwise none', () => {
    assert.equal(claimLanguageWarning('de', { languages: ['de', 'fr'] }), undefined);
    assert.equal(claimLanguageWarning('en', { languages: [] }), undefined);
    const warning = claimLanguageWarning('de', { languages: ['fr'] });
    assert.equal(warning?.code, 'language_not_spoken');
    assert.equal(warning?.language, 'de');
    assert.match(warning?.message ?? '', /German \(de\).*your token lists fr/);
    assert.match(claimLanguageWarning('pt', { languages: [] })?.message ?? '', /Portuguese \(pt\).*no languages, so it counts as English only/);
  });
});
