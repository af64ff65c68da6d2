import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { checkPhrasing } from '../../domain/reply-fact-check';

// English templates (as the product has them for languages it does not serve itself) phrased by the
// LLM in the customer's language: the facts must survive the translation, and nothing may be added.
const CANCELLED = 'Order #W2651773 has been cancelled. The refund of $1,234.50 goes back to credit_card_8035326 within 5 business days.';
const GOODWILL = 'We can offer a goodwill credit of $5.00 to paypal_1 for order #W2301718. Shall I go ahead?';
const RECEIVED = 'Your return was received.';
const GOODBYE = 'Thank you for contacting us. Have a good day!';

describe('checkPhrasing across languages: faithful phrasings are accepted', () => {
  const accepted: [string, string, string, string, string[]?][] = [
    ['de', 'German with a decimal comma', CANCELLED, 'Bestellung #W2651773 wurde storniert. Die Rückerstattung von 1.234,50 $ geht innerhalb von 5 Werktagen an credit_card_8035326 zurück.'],
    ['de', 'German with the number of days in words', CANCELLED, 'Ihre Bestellung W2651773 ist storniert; 1.234,50 $ werden binnen fünf Werktagen auf credit_card_8035326 erstattet.'],
    ['es', 'Spanish', CANCELLED, 'El pedido #W2651773 ha sido cancelado. El reembolso de 1.234,50 $ vuelve a credit_card_8035326 en un plazo de cinco días hábiles.'],
    ['fr', 'French', CANCELLED, 'La commande #W2651773 a été annulée. Le remboursement de 1 234,50 $ sera versé sur credit_card_8035326 sous 5 jours ouvrés.'],
    ['pt', 'Portuguese', CANCELLED, 'A encomenda #W2651773 foi cancelada. O reembolso de 1.234,50 $ volta para credit_card_8035326 dentro de cinco dias úteis.'],
    ['de', 'German keeping the English amount', GOODWILL, 'Wir können Ihnen eine Kulanzgutschrift von $5.00 auf paypal_1 für Bestellung #W2301718 anbieten. Soll ich das machen?'],
    ['es', 'a date in the facts said the Spanish way', RECEIVED, 'Recibimos su devolución el 3 de marzo de 2025.', ['received: 2025-03-03']],
    ['fr', 'a date in the facts said the French way', RECEIVED, 'Nous avons reçu votre retour le 3 mars 2025.', ['received: 2025-03-03']],
    ['de', 'a date in the facts written day first', RECEIVED, 'Ihre Rücksendung ist am 03.03.2025 bei uns eingegangen.', ['received: 2025-03-03']],
    ['pt', 'a date in the facts said the Portuguese way', RECEIVED, 'Recebemos a sua devolução a 3 de março de 2025.', ['received: 2025-03-03']],
    ['de', 'a German goodbye with "Guten Tag"', GOODBYE, 'Vielen Dank für Ihre Nachricht. Einen schönen Tag noch!'],
    ['es', 'a Spanish goodbye with "buen día"', GOODBYE, 'Gracias por contactarnos. ¡Que tenga un buen día!'],
    ['pt', 'a Portuguese goodbye', GOODBYE, 'Obrigado por nos contactar. Tenha um bom dia!'],
    ['ar', 'Arabic digits for the same numbers', CANCELLED, 'تم إلغاء الطلب #W2651773. سيعود مبلغ ١٢٣٤٫٥٠ دولار إلى credit_card_8035326 خلال ٥ أيام عمل.'],
    ['ja', 'Japanese with full-width digits', CANCELLED, '注文 #W2651773 はキャンセルされました。$1,234.50 は５営業日以内に credit_card_8035326 に返金されます。'],
  ];
  for (const [language, label, template, candidate, facts] of accepted) {
    it(`${language}: ${label}`, () => assert.deepEqual(checkPhrasing(candidate, template, facts, language), { ok: true }));
  }

  it('a template in the customer\'s language phrased in it', () => {
    const template = 'Die Bestellung #W2651773 wurde storniert. 1.234,50 $ gehen innerhalb von 5 Werktagen an credit_card_8035326 zurück.';
    assert.deepEqual(checkPhrasing('Erledigt: Bestellung W2651773 ist storniert, und 1.234,50 $ kommen in fünf Werktagen auf credit_card_8035326 zurück.', template, [], 'de'), { ok: true });
  });
});

describe('checkPhrasing across languages: what a translation adds is rejected', () => {
  const rejected: [string, string, string, string, RegExp, string[]?][] = [
    ['de', 'a new amount with a decimal comma', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.250,00 $ gehen innerhalb von 5 Werktagen an credit_card_8035326.', /"1\.250,00"/],
    ['es', 'a new amount in words', GOODWILL, 'Podemos ofrecerle un crédito de diez dólares a paypal_1 por el pedido #W2301718. ¿Procedo?', /"diez"/],
    ['de', 'another number of days in words', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.234,50 $ gehen innerhalb von sieben Werktagen an credit_card_8035326.', /"sieben"/],
    ['fr', 'another number of days in a compound word', CANCELLED, 'La commande #W2651773 est annulée ; 1234,50 $ reviennent sur credit_card_8035326 sous vingt-deux jours.', /"vingt-deux"/],
    ['de', 'a compound German number', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.234,50 $ gehen in fünfundzwanzig Tagen an credit_card_8035326.', /"fünfundzwanzig"/],
    ['fr', 'a new date', CANCELLED, 'La commande #W2651773 est annulée ; 1234,50 $ reviennent sur credit_card_8035326 avant le 3 mars.', /"3 mars"/],
    ['de', 'a new day-first date', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.234,50 $ sind bis 04.03. auf credit_card_8035326.', /"04\.03\."/],
    ['es', 'a new weekday', CANCELLED, 'El pedido #W2651773 está cancelado; 1.234,50 $ vuelven a credit_card_8035326 el viernes.', /"viernes"/],
    ['pt', '"amanhã"', CANCELLED, 'A encomenda #W2651773 foi cancelada; 1.234,50 $ voltam para credit_card_8035326 amanhã.', /"amanhã"/],
    ['de', '"morgen"', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.234,50 $ sind morgen auf credit_card_8035326.', /"morgen"/],
    ['fr', 'a new unit of time', CANCELLED, 'La commande #W2651773 est annulée ; 1234,50 $ reviennent sur credit_card_8035326 dans la semaine.', /"semaine"/],
    ['de', 'a time of day', CANCELLED, 'Bestellung #W2651773 ist storniert; 1.234,50 $ gehen um 14 Uhr an credit_card_8035326, in 5 Werktagen.', /"14 Uhr"/],
    ['de', 'a discount', GOODBYE, 'Danke für Ihre Nachricht! Hier ist ein Rabatt für das nächste Mal. Einen schönen Tag!', /"discount"/],
    ['es', 'a guarantee', GOODBYE, 'Gracias por contactarnos, le garantizamos que no volverá a pasar. ¡Buen día!', /"guarantee"/],
    ['fr', 'a refund the template does not make', GOODBYE, 'Merci de nous avoir contactés, vous serez remboursé. Bonne journée !', /"refund"/],
    ['pt', 'a cancellation', GOODBYE, 'Obrigado pelo contacto; cancelamos a sua encomenda. Tenha um bom dia!', /"cancel"/],
    ['de', 'the model speaking of itself', GOODBYE, 'Als KI kann ich das nicht. Vielen Dank und einen schönen Tag!', /Als KI/],
    ['es', 'the instructions mentioned', GOODBYE, 'Según mis instrucciones, gracias por contactarnos. ¡Buen día!', /mis instrucciones/],
    ['ar', 'a new number in Arabic digits', CANCELLED, 'تم إلغاء الطلب #W2651773. سيعود 1,234.50 دولار إلى credit_card_8035326 خلال ٧ أيام.', /"7"/],
    ['ja', 'a new number in full-width digits', CANCELLED, '注文 #W2651773 はキャンセルされました。$1,234.50 は７営業日以内に credit_card_8035326 に返金されます。', /"7"/],
  ];
  for (const [language, label, template, candidate, reason, facts] of rejected) {
    it(`${language}: ${label}`, () => {
      const result = checkPhrasing(candidate, template, facts, language);
      assert.equal(result.ok, false, `accepted: ${candidate}`);
      if (!result.ok) assert.match(result.reason, reason);
    });
  }
});
