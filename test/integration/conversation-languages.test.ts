import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import { buildDemoStore } from '../../seed/build-demo-store';
import { replaceStore } from '../../tau/store/replace-store';
import { deliveredCardOrder } from '../../dev/demo-store-picks';
import { loadLanguageDetector, type LanguageDetector } from '../../nlu/language/detect';
import { mintToken } from '../../auth/token-service';
import { eventually } from '../support/eventually';
import { call, startChat, startStack, type TestStack } from '../support/stack';

/** What a customer of each language types, in their own words, for a cancellation and a return. */
const CUSTOMERS = {
  de: {
    cancel: (id: string) => `Ich möchte meine Bestellung ${id} stornieren`,
    mistake: 'Ich habe sie versehentlich bestellt',
    yes: 'Ja, bitte',
    giveBack: (id: string) => `Ich möchte einen Artikel aus der Bestellung ${id} zurücksenden`,
    cancelled: /storniert/,
    returned: /Rücksendung|zurück/,
    original: /ursprüngliche Zahlungsart/,
  },
  es: {
    cancel: (id: string) => `Quiero cancelar mi pedido ${id}`,
    mistake: 'Lo pedí por error',
    yes: 'Sí, por favor',
    giveBack: (id: string) => `Quiero devolver un artículo del pedido ${id}`,
    cancelled: /cancelado/,
    returned: /devoluci/,
    original: /forma de pago original/,
  },
  fr: {
    cancel: (id: string) => `Je veux annuler ma commande ${id}`,
    mistake: 'Je l’ai commandée par erreur',
    yes: 'Oui, merci',
    giveBack: (id: string) => `Je voudrais retourner un article de la commande ${id}`,
    cancelled: /annulée/,
    returned: /retour/,
    original: /moyen de paiement d’origine/,
  },
  pt: {
    cancel: (id: string) => `Quero cancelar a minha encomenda ${id}`,
    mistake: 'Encomendei por engano',
    yes: 'Sim, por favor',
    giveBack: (id: string) => `Quero devolver um artigo da encomenda ${id}`,
    cancelled: /cancelada/,
    returned: /devolu/,
    original: /forma de pagamento original/,
  },
} as const;

/** Every request a customer can start, as a customer of each language opens it (written for this test, not taken from any data set). */
const OPENINGS: Record<string, Record<'de' | 'es' | 'fr' | 'pt', string>> = {
  cancel_order: { de: "Ich möchte meine Bestellung stornieren", es: "Quiero cancelar mi pedido", fr: "Je veux annuler ma commande", pt: "Quero cancelar a minha encomenda" },
  track_order: { de: "Wo ist meine Bestellung?", es: "¿Dónde está mi pedido?", fr: "Où est ma commande ?", pt: "Onde está a minha encomenda?" },
  track_refund: { de: "Wann bekomme ich meine Erstattung?", es: "¿Cuándo recibiré mi reembolso?", fr: "Quand vais-je recevoir mon remboursement ?", pt: "Quando recebo o meu reembolso?" },
  return_items: { de: "Ich möchte einen Artikel zurücksenden", es: "Quiero devolver un artículo", fr: "Je veux retourner un article", pt: "Quero devolver um artigo" },
  modify_items: { de: "Ich möchte die Größe eines Artikels in meiner Bestellung ändern", es: "Quiero cambiar la talla de un artículo de mi pedido", fr: "Je veux changer la taille d’un article de ma commande", pt: "Quero mudar o tamanho de um artigo da minha encomenda" },
  exchange_items: { de: "Ich möchte einen Artikel umtauschen", es: "Quiero cambiar un artículo que recibí por otro", fr: "Je voudrais échanger un article que j’ai reçu", pt: "Quero trocar um artigo que recebi" },
  modify_payment_method: { de: "Ich möchte die Zahlungsart meiner Bestellung ändern", es: "Quiero cambiar la forma de pago de mi pedido", fr: "Je veux changer le moyen de paiement de ma commande", pt: "Quero alterar a forma de pagamento da minha encomenda" },
  change_shipping_address: { de: "Ich möchte die Lieferadresse meiner Bestellung ändern", es: "Quiero cambiar la dirección de entrega de mi pedido", fr: "Je veux changer l’adresse de livraison de ma commande", pt: "Quero alterar a morada de entrega da minha encomenda" },
  update_default_address: { de: "Ich möchte meine Standardadresse ändern", es: "Quiero cambiar mi dirección predeterminada", fr: "Je veux changer mon adresse par défaut", pt: "Quero alterar a minha morada predefinida" },
  edit_account: { de: "Ich möchte die E-Mail-Adresse meines Kontos ändern", es: "Quiero cambiar el correo electrónico de mi cuenta", fr: "Je veux modifier l’adresse e-mail de mon compte", pt: "Quero alterar o e-mail da minha conta" },
  delete_account: { de: "Ich möchte mein Konto löschen", es: "Quiero eliminar mi cuenta", fr: "Je veux supprimer mon compte", pt: "Quero apagar a minha conta" },
  recover_password: { de: "Ich habe mein Passwort vergessen", es: "He olvidado mi contraseña", fr: "J’ai oublié mon mot de passe", pt: "Esqueci-me da palavra-passe" },
  registration_problems: { de: "Ich kann mich nicht registrieren", es: "No puedo registrarme", fr: "Je n’arrive pas à m’inscrire", pt: "Não consigo registar-me" },
  newsletter_subscription: { de: "Ich möchte Ihren Newsletter abonnieren", es: "Quiero suscribirme a su boletín", fr: "Je veux m'abonner à votre newsletter", pt: "Quero subscrever a vossa newsletter" },
  review: { de: "Ich möchte eine Bewertung schreiben", es: "Quiero dejar una reseña", fr: "Je voudrais laisser un avis", pt: "Quero deixar uma avaliação" },
  get_invoice: { de: "Ich brauche die Rechnung für meine Bestellung", es: "Necesito la factura de mi pedido", fr: "J’ai besoin de la facture de ma commande", pt: "Preciso da fatura da minha encomenda" },
};

type Reply = { replies: { text: string }[]; language?: string; awaiting?: string; options?: { id: string; label: string }[]; actions?: { status: string }[] };

let stack: TestStack;
let channel: string;
let detector: LanguageDetector;

/** Every sentence the bot says in the turn reads as `language` to the detector (ids and amounts aside). */
function assertSaidIn(language: string, reply: Reply, turn: string): void {
  assert.equal(reply.language, language, `${turn}: ${JSON.stringify(reply)}`);
  for (const { text } of reply.replies) {
    const guess = detector.detect(text);
    if (guess.words >= 4) assert.equal(guess.language, language, `${turn}: "${text}" does not read as ${language}`);
  }
  // Order, item and payment method options are named by the store's data (product names stay as they are).
  for (const option of (reply.options ?? []).filter((o) => !/\d|^#/.test(o.id))) {
    const guess = detector.detect(option.label);
    if (guess.words >= 4 && guess.reliable) assert.equal(guess.language, language, `${turn}: option "${option.label}" does not read as ${language}`);
  }
}

/** The next pending order (the demo store has few paid by card; any payment method will do here). */
async function pendingOrder(): Promise<{ orderId: string; email: string }> {
  const row = await stack.database
    .db('orders as o')
    .join('customers as c', 'c.id', 'o.customer_id')
    .where({ 'o.status': 'pending' })
    .orderBy('o.position')
    .first('o.id as orderId', 'c.email as email');
  assert.ok(row, 'the demo store has a pending order left');
  return row;
}

describe('a whole cancellation and a whole return in German, Spanish, French and Portuguese, without an LLM', () => {
  before(async () => {
    detector = await loadLanguageDetector();
    stack = await startStack();
    channel = await stack.token('channel');
    await replaceStore(stack.database.db, buildDemoStore());
  });
  after(() => stack?.close());

  for (const [language, words] of Object.entries(CUSTOMERS)) {
    it(`when a customer writes in ${language} to cancel an order, then every reply is in ${language} and the order is cancelled`, async () => {
      const target = await pendingOrder();
      const { say } = await startChat(stack, channel);
      const opening = await say(words.cancel(target.orderId));
      assertSaidIn(language, opening, 'opening');
      assert.equal(opening.awaiting, 'email');
      const reason = await say(target.email);
      assertSaidIn(language, reason, 'e-mail');
      assert.equal(reason.awaiting, 'reason', JSON.stringify(reason));
      const proposal = await say(words.mistake);
      assertSaidIn(language, proposal, 'reason');
      assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
      const done = await say(words.yes);
      assertSaidIn(language, done, 'yes');
      assert.deepEqual(done.actions?.map((a: { status: string }) => a.status), ['executed']);
      assert.match(done.replies[0]!.text, words.cancelled);
      assert.ok(done.replies[0]!.text.includes(target.orderId));
      assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'cancelled');
    });

    it(`when a customer writes in ${language} to return an item, then every reply is in ${language} and the return is requested`, async () => {
      const target = await deliveredCardOrder(stack.database.db);
      const { say } = await startChat(stack, channel);
      const opening = await say(words.giveBack(target.orderId));
      assertSaidIn(language, opening, 'opening');
      assert.equal(opening.awaiting, 'email');
      const items = await say(target.email);
      assertSaidIn(language, items, 'e-mail');
      assert.equal(items.awaiting, 'items', JSON.stringify(items));
      const methods = await say(target.itemId);
      assertSaidIn(language, methods, 'item');
      assert.equal(methods.awaiting, 'payment_method', JSON.stringify(methods));
      // The store's own words (card brand, digits) stay; what the bot adds to them is in the language.
      assert.match(methods.options?.find((o: { id: string }) => o.id === target.methodId)?.label ?? '', words.original);
      const proposal = await say(target.methodId);
      assertSaidIn(language, proposal, 'method');
      assert.equal(proposal.awaiting, 'confirmation', JSON.stringify(proposal));
      const done = await say(words.yes);
      assertSaidIn(language, done, 'yes');
      assert.deepEqual(done.actions?.map((a: { status: string }) => a.status), ['executed']);
      assert.match(done.replies[0]!.text, words.returned);
      assert.equal((await stack.database.db('orders').where({ id: target.orderId }).first('status')).status, 'return requested');
    });
  }

  it('when a customer writes Italian, which the product cannot serve without an LLM, then an agent who speaks it sees the handoff in their queue and claims it without a warning, and one who does not is warned', async () => {
    const db = stack.database.db;
    const giulia = await mintToken(db, { role: 'agent', name: 'Giulia', languages: ['it', 'en'] });
    const greta = await mintToken(db, { role: 'agent', name: 'Greta', languages: ['de'] });
    const chat = await startChat(stack, channel);
    const reply = await chat.say('Buongiorno, vorrei restituire le scarpe che ho comprato la settimana scorsa');
    assert.equal(reply.language, 'it');
    assert.equal(reply.status, 'awaiting_agent');
    assert.equal(detector.detect(reply.replies[0]!.text).language, 'it');

    const mine = await eventually(async () => {
      const queue = await call(stack, 'GET', '/v1/agent/queue?languages=mine', { token: giulia });
      return queue.body.queue?.find((i: { conversationId: string }) => i.conversationId === chat.id);
    }, 'the Italian handoff in the Italian-speaking agent\'s queue');
    assert.equal(mine.language, 'it');
    const others = await call(stack, 'GET', '/v1/agent/queue?languages=mine', { token: greta });
    assert.ok(!others.body.queue.some((i: { conversationId: string }) => i.conversationId === chat.id), 'not in the queue of an agent who does not speak Italian');

    const warned = await call(stack, 'POST', `/v1/conversations/${chat.id}/claim`, { token: greta, body: {} });
    assert.equal(warned.status, 200, JSON.stringify(warned.body));
    assert.equal(warned.body.warning.code, 'language_not_spoken');
    assert.equal(warned.body.warning.language, 'it');
    const released = await call(stack, 'POST', `/v1/conversations/${chat.id}/return-to-bot`, { token: greta, body: {} });
    assert.equal(released.status, 200, JSON.stringify(released.body));
    // Back with the bot, still Italian and still unserved: the next message goes to a person again.
    const again = await chat.say('Per favore, ho bisogno di aiuto con il mio reso');
    assert.equal(again.status, 'awaiting_agent', JSON.stringify(again));
    const claimed = await call(stack, 'POST', `/v1/conversations/${chat.id}/claim`, { token: giulia, body: {} });
    assert.equal(claimed.status, 200, JSON.stringify(claimed.body));
    assert.equal(claimed.body.warning, undefined);
  });

  it('when a customer asks for German in the middle of a cancellation, then the bot switches, asks its question again in German, and the cancellation goes on in German', async () => {
    const target = await pendingOrder();
    const { say } = await startChat(stack, channel);
    assert.equal((await say(`I want to cancel my order ${target.orderId}`)).awaiting, 'email');
    const switched = await say('Können wir bitte auf Deutsch weitermachen?');
    assertSaidIn('de', switched, 'the language request');
    assert.equal(switched.awaiting, 'email');
    assert.match(switched.replies[0]!.text, /Deutsch.*E-Mail-Adresse/);
    const reason = await say(target.email);
    assertSaidIn('de', reason, 'e-mail');
    assert.equal(reason.awaiting, 'reason');
  });

  it('when a French customer who forgot their password has no address to give, then the help centre answers in French and cites the French article', async () => {
    const { say } = await startChat(stack, channel);
    const asked = await say('J’ai oublié mon mot de passe');
    assertSaidIn('fr', asked, 'opening');
    assert.equal(asked.awaiting, 'email');
    const answer = await say('Je ne m’en souviens plus du tout');
    assertSaidIn('fr', answer, 'no address');
    assert.match(answer.replies[0]!.text, /\/help\/fr\//, answer.replies[0]!.text);
  });

  describe('every request of the catalogue, opened in each language', () => {
    for (const [kind, byLanguage] of Object.entries(OPENINGS)) {
      it(`when a customer opens ${kind} in their own words, then the bot starts it and answers in their language (de, es, fr, pt)`, async () => {
        const missed: string[] = [];
        for (const [language, text] of Object.entries(byLanguage)) {
          const { say } = await startChat(stack, channel);
          const reply: Reply & { intent?: string } = await say(text);
          if (reply.intent !== kind || reply.language !== language) missed.push(`${language} "${text}": intent ${reply.intent}, language ${reply.language}`);
          else assertSaidIn(language, reply, `${kind} in ${language}`);
        }
        assert.deepEqual(missed, []);
      });
    }
  });
});
