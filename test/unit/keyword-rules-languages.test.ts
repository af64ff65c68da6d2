import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { foldForRules, LANGUAGE_RULES } from '../../nlu/keyword-rules-languages';
import { matchKeywordRule } from '../../nlu/keyword-rules';

type Table = { fires: [string, string][]; silent: string[] };

const TABLES: Record<'de' | 'es' | 'fr' | 'pt', Table> = {
  de: {
    fires: [
      ['Hallo', 'greeting'],
      ['Guten Morgen!', 'greeting'],
      ['Moin', 'greeting'],
      ['Danke schön', 'thanks'],
      ['ok, vielen Dank für die Hilfe', 'thanks'],
      ['Tschüss', 'goodbye'],
      ["Danke, das war's", 'goodbye'],
      ['Ich möchte mit einem echten Menschen sprechen', 'contact_human_agent'],
      ['Verbinden Sie mich bitte mit einem Mitarbeiter', 'contact_human_agent'],
      ['Ich möchte meine Bestellung stornieren', 'cancel_order'],
      ['Bitte stornieren Sie meine Bestellung #W1234567', 'cancel_order'],
      ['Bestellung bitte stornieren, die brauche ich nicht mehr', 'cancel_order'],
      ['Stornierung meiner Bestellung bitte', 'cancel_order'],
      ['Wo ist meine Bestellung?', 'track_order'],
      ['wo bleibt mein paket', 'track_order'],
      ['Wo ist meine Rückerstattung?', 'track_refund'],
      ['Ich möchte die Schuhe zurückschicken', 'return_items'],
      ['Ich will mein Geld zurück', 'get_refund'],
      ['Ich möchte eine Rückerstattung beantragen', 'get_refund'],
    ],
    silent: [
      'Ich möchte meine Bestellung nicht stornieren',
      'Bitte stornieren Sie meine Bestellung nicht, ich habe mich umentschieden',
      'Kostet es etwas, wenn ich meine Bestellung storniere?',
      'Ich will nicht mit einem Menschen sprechen',
      'Ich habe gestern mit einem Mitarbeiter gesprochen',
      'Ich will die Schuhe nicht zurückschicken, sondern umtauschen',
      'Ich möchte keine Rückerstattung',
      'Hallo, ich möchte meine Adresse ändern', // a greeting with a request is not small talk
      'Wo ist meine Bestellnummer?',
    ],
  },
  es: {
    fires: [
      ['Hola', 'greeting'],
      ['¡Buenos días!', 'greeting'],
      ['Muchas gracias', 'thanks'],
      ['vale, gracias', 'thanks'],
      ['Adiós', 'goodbye'],
      ['Eso es todo, gracias', 'goodbye'],
      ['Quiero hablar con una persona', 'contact_human_agent'],
      ['Páseme con un agente, por favor', 'contact_human_agent'],
      ['Quiero cancelar mi pedido', 'cancel_order'],
      ['Cancele el pedido #W1234567, lo pedí por error', 'cancel_order'],
      ['quiero cancelar mi pedido, ya no lo necesito', 'cancel_order'],
      ['¿Dónde está mi pedido?', 'track_order'],
      ['donde esta mi paquete', 'track_order'],
      ['¿Dónde está mi reembolso?', 'track_refund'],
      ['Quiero devolver las zapatillas', 'return_items'],
      ['Quiero un reembolso', 'get_refund'],
    ],
    silent: [
      'No quiero cancelar mi pedido',
      'No cancelen mi pedido, por favor',
      '¿Me cobran algo si cancelo mi pedido?',
      'Mi pedido fue cancelado, ¿cuándo me devuelven el dinero?',
      'No quiero hablar con una persona',
      'Ya hablé con un agente ayer',
      'No quiero devolver nada, quiero cambiarlo',
      'No quiero un reembolso',
      'Hola, quiero cambiar mi dirección',
      '¿Dónde está mi número de pedido?',
    ],
  },
  fr: {
    fires: [
      ['Bonjour', 'greeting'],
      ['Salut à tous', 'greeting'],
      ['Merci beaucoup', 'thanks'],
      ["d'accord, merci", 'thanks'],
      ['Au revoir', 'goodbye'],
      ["C'est tout, merci", 'goodbye'],
      ['Je veux parler à un conseiller', 'contact_human_agent'],
      ["Passez-moi un agent, s'il vous plaît", 'contact_human_agent'],
      ['Je veux annuler ma commande', 'cancel_order'],
      ['Annulez la commande #W1234567 svp', 'cancel_order'],
      ["je n'en ai plus besoin, annulez ma commande", 'cancel_order'],
      ['Où est ma commande ?', 'track_order'],
      ['ou est mon colis', 'track_order'],
      ['Où en est mon remboursement ?', 'track_refund'],
      ['Je veux retourner les baskets', 'return_items'],
      ['Je veux un remboursement', 'get_refund'],
    ],
    silent: [
      'Je ne veux pas annuler ma commande',
      "N'annulez pas ma commande",
      "Y a-t-il des frais si j'annule ma commande ?",
      'Ma commande a été annulée, quand suis-je remboursé ?',
      'Je ne veux pas parler à un conseiller',
      "J'ai déjà parlé à un agent hier",
      'Je ne veux pas retourner les baskets, je veux les échanger',
      'Je ne veux pas de remboursement',
      'Bonjour, je veux changer mon adresse',
      'Mon compte est bloqué, comment y retourner ?',
    ],
  },
  pt: {
    fires: [
      ['Olá', 'greeting'],
      ['Bom dia!', 'greeting'],
      ['Muito obrigado', 'thanks'],
      ['ok, obrigada', 'thanks'],
      ['Tchau', 'goodbye'],
      ['É só isso, obrigado', 'goodbye'],
      ['Quero falar com uma pessoa', 'contact_human_agent'],
      ['Passe-me a um atendente, por favor', 'contact_human_agent'],
      ['Quero cancelar a minha encomenda', 'cancel_order'],
      ['Cancele o pedido #W1234567, encomendei por engano', 'cancel_order'],
      ['não preciso mais, quero cancelar meu pedido', 'cancel_order'],
      ['Onde está a minha encomenda?', 'track_order'],
      ['cadê meu pedido', 'track_order'],
      ['Onde está o meu reembolso?', 'track_refund'],
      ['Quero devolver os ténis', 'return_items'],
      ['Quero o meu dinheiro de volta', 'get_refund'],
    ],
    silent: [
      'Não quero cancelar a minha encomenda',
      'Não cancelem o meu pedido, por favor',
      'Pago alguma coisa se cancelar a compra?',
      'O meu pedido foi cancelado, quando recebo o dinheiro?',
      'Não quero falar com uma pessoa',
      'Já falei com um atendente ontem',
      'Não quero devolver, quero trocar',
      'Não quero um reembolso',
      'Olá, quero mudar o meu endereço',
      'Onde está o número do meu pedido?',
    ],
  },
};

describe('keyword rules in German, Spanish, French and Portuguese (tier 1)', () => {
  for (const [lang, table] of Object.entries(TABLES)) {
    describe(lang, () => {
      for (const [text, label] of table.fires) {
        it(`when the customer writes "${text}", then the ${label} rule fires`, () => {
          const hit = matchKeywordRule(text);
          assert.equal(hit?.label, label, `fired ${hit?.rule ?? 'nothing'}`);
        });
      }
      for (const text of table.silent) {
        it(`when the customer writes "${text}", then no rule answers`, () => {
          const hit = matchKeywordRule(text);
          assert.equal(hit, undefined, `fired ${hit?.rule}`);
        });
      }
    });
  }

  it('when accents are missing or the text is in capitals, then the same rule fires', () => {
    assert.equal(matchKeywordRule('JE VEUX ANNULER MA COMMANDE')?.rule, 'cancel-order-fr');
    assert.equal(matchKeywordRule('donde esta mi pedido')?.rule, 'track-order-es');
    assert.equal(matchKeywordRule('Wo ist meine Ruckerstattung')?.rule, 'track-refund-de');
    assert.equal(foldForRules('Où  ÉTÉ Straße'), 'ou ete strasse');
  });

  it('when a label is not allowed (the model lacks it), then its language rule stays silent', () => {
    assert.equal(matchKeywordRule('Quiero cancelar mi pedido', (l) => l !== 'cancel_order'), undefined);
  });

  it('when the language rules are listed, then each language has rules for small talk, a person and the clear requests', () => {
    const wanted = ['greeting', 'thanks', 'goodbye', 'contact_human_agent', 'cancel_order', 'track_order', 'return_items', 'get_refund', 'track_refund'];
    for (const lang of ['de', 'es', 'fr', 'pt']) {
      const labels = new Set(LANGUAGE_RULES.filter((r) => r.language === lang).map((r) => r.label));
      assert.deepEqual(
        wanted.filter((l) => !labels.has(l as never)),
        [],
        lang,
      );
    }
  });
});
