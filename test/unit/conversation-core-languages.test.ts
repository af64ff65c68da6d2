import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { CarriedState } from '../../domain/conversation';
import { firstReplyFor, UNSURE_TURNS_BEFORE_HANDOFF } from '../../domain/first-replies';
import { render } from '../../domain/messages';
import { englishOf, say } from '../../workflows/conversation/speaking';
import { RATING_QUESTION, WAITING_FOR_AGENT_TEXT } from '../../workflows/conversation/handoff';

type Speaker = Pick<CarriedState, 'language' | 'spoken'>;
const speakerIn = (language: string): Speaker => ({ language: { language, by: 'request' } });
const speakOf = (state: Speaker) => (key: Parameters<typeof say>[1], params?: Parameters<typeof say>[2]) => say(state, key, params);

// Written out here, not read from the catalogue, so a wrong or missing translation fails.
const GREETING: Record<string, RegExp> = { de: /^Hallo! Ich helfe Ihnen gern/, es: /^¡Hola! Puedo ayudarle/, fr: /^Bonjour ! Je peux vous aider/, pt: /^Olá! Posso ajudá-lo/ };
const UNCLEAR: Record<string, RegExp> = {
  de: /^Entschuldigung, das habe ich nicht ganz verstanden\..*\?$/,
  es: /^Disculpe, no lo he entendido bien\. ¿.*\?$/,
  fr: /^Désolé, je n’ai pas bien compris\..*\?$/,
  pt: /^Desculpe, não percebi bem\..*\?$/,
};
const CHANGE_MENU: Record<string, string[]> = {
  de: ['Artikel ändern', 'Lieferadresse ändern', 'Zahlungsart ändern', 'Bestellung stornieren'],
  es: ['Cambiar artículos', 'Cambiar la dirección de entrega', 'Cambiar la forma de pago', 'Cancelar el pedido'],
  fr: ['Modifier des articles', 'Modifier l’adresse de livraison', 'Modifier le mode de paiement', 'Annuler la commande'],
  pt: ['Alterar artigos', 'Alterar a morada de entrega', 'Alterar a forma de pagamento', 'Cancelar a encomenda'],
};
const RATING: Record<string, RegExp> = { de: /^Bevor Sie gehen: .*von 1 .* bis 5 .*\?$/, es: /^Antes de irse: ¿.*del 1 .* al 5 .*\?$/, fr: /^Avant de partir : .*de 1 .* à 5 .* \?$/, pt: /^Antes de ir: .*de 1 .* a 5 .*\?$/ };
const HANDOFF: Record<string, RegExp> = { de: /^Selbstverständlich\. Ich gebe Ihr Gespräch/, es: /^Por supuesto\. Paso su conversación a un compañero/, fr: /^Bien sûr\. Je transmets votre conversation/, pt: /^Com certeza\. Vou passar a sua conversa a um colega/ };

describe('the first replies in each served language', () => {
  for (const language of ['de', 'es', 'fr', 'pt']) {
    describe(language, () => {
      it('greets in the language', () => assert.match(firstReplyFor('greeting', 0, speakOf(speakerIn(language))).text, GREETING[language]!));

      it('asks a clarifying question in the language', () => assert.match(firstReplyFor(undefined, 1, speakOf(speakerIn(language))).text, UNCLEAR[language]!));

      it('offers the menu of a broad request with labels in the language and the same ids', () => {
        const reply = firstReplyFor('change_order', 0, speakOf(speakerIn(language)));
        assert.deepEqual(reply.menu?.map((o) => o.label), CHANGE_MENU[language]);
        assert.deepEqual(reply.menu?.map((o) => o.id), ['modify_items', 'change_shipping_address', 'modify_payment_method', 'cancel_order']);
        assert.notEqual(reply.text, firstReplyFor('change_order', 0).text);
      });

      it('hands over in the language, with the reason for the team in English', () => {
        const reply = firstReplyFor('contact_human_agent', 0, speakOf(speakerIn(language)));
        assert.match(reply.text, HANDOFF[language]!);
        assert.equal(reply.handoff?.reason, 'the customer asked for a person');
        const unsure = firstReplyFor(undefined, UNSURE_TURNS_BEFORE_HANDOFF, speakOf(speakerIn(language)));
        assert.match(unsure.handoff?.reason ?? '', /unclear 2 times in a row/);
        assert.notEqual(unsure.text, firstReplyFor(undefined, UNSURE_TURNS_BEFORE_HANDOFF).text);
      });

      it('asks for the rating and tells of the wait for a person in the language', () => {
        assert.match(render(language, RATING_QUESTION), RATING[language]!);
        assert.notEqual(render(language, WAITING_FOR_AGENT_TEXT), WAITING_FOR_AGENT_TEXT);
      });

      it('keeps the English of what it said for the console, and only of the reply it chose', () => {
        const state = speakerIn(language);
        const reply = firstReplyFor('get_refund', 0, speakOf(state));
        assert.equal(state.spoken?.length, 4, 'the menu text and its three labels');
        assert.equal(englishOf(reply.text, state.spoken ?? []), firstReplyFor('get_refund', 0).text);
      });
    });
  }

  it('is unchanged in English, with nothing kept beside it', () => {
    const state: Speaker = {};
    assert.equal(
      firstReplyFor('greeting', 0, speakOf(state)).text,
      'Hello! I can help with your orders: tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?',
    );
    assert.equal(state.spoken, undefined);
    assert.deepEqual(firstReplyFor('get_refund', 0).menu?.map((o) => o.label), ['Cancel an order', 'Return items', 'Check on a refund']);
  });
});
