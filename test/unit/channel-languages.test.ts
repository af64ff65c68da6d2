import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { mailBodies, numberedOptionsText, replySubject } from '../../channels/email/mail-text';
import { smsText, spokenChoices, spokenLine } from '../../channels/voice/speech';
import { resetNoticeBody } from '../../domain/accounts/password-reset';

const OPTIONS = [
  { id: 'a', label: 'Commande #W1234567' },
  { id: 'b', label: 'Commande #W7654321' },
];

describe('the channels\' own words in the conversation\'s language', () => {
  it('when a mail numbers options in German, then the line under them is German in text and HTML', () => {
    const { text, html } = mailBodies(['Welche Bestellung meinen Sie?'], OPTIONS, 'de');
    assert.equal(text, 'Welche Bestellung meinen Sie?\n\n1. Commande #W1234567\n2. Commande #W7654321\n\nAntworten Sie mit der Nummer Ihrer Wahl.\n');
    assert.ok(html.endsWith('<p>Antworten Sie mit der Nummer Ihrer Wahl.</p></body></html>'), html);
    assert.doesNotMatch(html, /Reply with/);
  });

  it('when no language or English is given, then the mail reads as it always did', () => {
    assert.equal(numberedOptionsText(OPTIONS), numberedOptionsText(OPTIONS, 'en'));
    assert.match(numberedOptionsText(OPTIONS), /\n\nReply with the number of your choice\.$/);
    assert.equal(replySubject('', 'en'), 'Re: your message to support');
  });

  it('when the customer gave no subject, then ours is in the reply\'s language; theirs keeps its one "Re:"', () => {
    assert.equal(replySubject('', 'es'), 'Re: su mensaje al servicio de atención al cliente');
    assert.equal(replySubject(undefined, 'fr'), 'Re : votre message au service client');
    assert.equal(replySubject('Mi pedido', 'es'), 'Re: Mi pedido');
    // A language we do not answer in falls back to English.
    assert.equal(replySubject('', 'it'), 'Re: your message to support');
  });

  it('when a French caller is offered choices, then each key is offered in French, and a confirmation too', () => {
    assert.deepEqual(spokenChoices(undefined, OPTIONS, 'fr'), ['Appuyez sur 1 pour Commande W 1 2 3 4 5 6 7.', 'Appuyez sur 2 pour Commande W 7 6 5 4 3 2 1.']);
    assert.deepEqual(spokenChoices('confirmation', undefined, 'fr'), ['Dites oui ou appuyez sur 1 pour confirmer.', 'Dites non ou appuyez sur 2 si ce n’est pas le cas.']);
    assert.equal(spokenLine('Ouvrez https://example.com/x pour voir', 'fr'), 'Ouvrez un lien web pour voir');
  });

  it('when a Portuguese texter is offered choices or a confirmation, then how to answer is in Portuguese', () => {
    assert.equal(smsText(['Qual encomenda?'], undefined, OPTIONS, 'pt'), 'Qual encomenda?\n\n1. Commande #W1234567\n2. Commande #W7654321\nResponda com um número.');
    assert.equal(smsText(['Confirma?'], 'confirmation', undefined, 'pt'), 'Confirma?\n\nResponda SIM para confirmar ou NÃO se não.');
    assert.equal(smsText(['Which order?'], undefined, OPTIONS), 'Which order?\n\n1. Commande #W1234567\n2. Commande #W7654321\nReply with a number.');
  });

  it('when a reset link goes to a Spanish conversation, then its mail is Spanish with the same link and minutes; English is unchanged', () => {
    const link = 'https://shop.example/account/reset/abc123';
    const spanish = resetNoticeBody(link, 'es');
    assert.match(spanish, /^Alguien ha pedido restablecer la contraseña de su cuenta\./);
    assert.ok(spanish.includes(`abra ${link} en los próximos 60 minutos`), spanish);
    assert.equal(
      resetNoticeBody(link),
      `Someone asked to reset the password of your account. To choose a new password, open ${link} within 60 minutes; the link works once. If it was not you, ignore this message: your password stays as it is.`,
    );
  });
});
