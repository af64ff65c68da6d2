import assert from 'node:assert/strict';
import { after, before, describe, it } from 'mocha';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { CarriedState, MessageResult } from '../../domain/conversation';
import { workflowIdFor } from '../../domain/conversation';
import type { TranslatedLanguage } from '../../domain/messages';
import { buildDemoStore } from '../../seed/build-demo-store';
import { getUser } from '../../tau/store/queries';
import { replaceStore } from '../../tau/store/replace-store';
import { ConversationWorkflow } from '../../workflows';
import { messageUpdate } from '../../workflows/conversation/definitions';
import { createConversationWorker } from '../../workers/conversation-worker';
import { startTestPayments, type TestPayments } from '../support/payments';
import { temporaryDatabase, type TestDatabase } from '../support/database';
import { dataConverterOf, startTemporal, uniqueTaskQueue, workflowBundle } from '../support/temporal';

let env: TestWorkflowEnvironment;
let database: TestDatabase;
let payments: TestPayments;

/** What each language's customer writes and what the bot must answer, in that language. */
interface Case {
  language: TranslatedLanguage;
  /** The customer's own words for the two requests. */
  changeAddress: string;
  subscribe: string;
  yes: string;
  address: string;
  stored: { address1: string; address2: string; city: string; state: string; zip: string; country: string };
  askEmail: RegExp;
  askAddress: RegExp;
  addressDone: RegExp;
  consent: RegExp;
  subscribed: RegExp;
  wording: RegExp;
}

const CASES: Case[] = [
  {
    language: 'de',
    changeAddress: 'Ich möchte meine Standardadresse ändern',
    subscribe: "Ich möchte Ihren Newsletter abonnieren",
    yes: 'ja',
    address: 'Meine neue Adresse ist Hauptstraße 5, 10115 Berlin',
    stored: { address1: 'Hauptstraße 5', address2: '', city: 'Berlin', state: '', zip: '10115', country: 'Germany' },
    askEmail: /^Ich kann die Standardadresse Ihres Kontos ändern\. Zunächst: Wie lautet die E-Mail-Adresse Ihres Kontos\?$/,
    askAddress: /Wie lautet Ihre neue Standardadresse\? .*zum Beispiel: Hauptstraße 5, 10115 Berlin/,
    addressDone: /^Erledigt: Ihre Standardadresse ist jetzt Hauptstraße 5, 10115 Berlin, Deutschland\.$/,
    consent: /Um Sie anzumelden, brauche ich Ihre Zustimmung hierzu: „Ich bin damit einverstanden, den Newsletter .*“ Sind Sie einverstanden\?$/,
    subscribed: /^Erledigt: \S+@\S+ ist für unseren Newsletter angemeldet\./,
    wording: /^Ich bin damit einverstanden, den Newsletter des Shops/,
  },
  {
    language: 'es',
    changeAddress: 'Quiero cambiar mi dirección predeterminada',
    subscribe: "Quiero suscribirme a su boletín",
    yes: 'sí',
    address: 'Mi nueva dirección es Calle Mayor 12, 3º B, 28013 Madrid',
    stored: { address1: 'Calle Mayor 12', address2: '3º B', city: 'Madrid', state: '', zip: '28013', country: 'Spain' },
    askEmail: /Primero, ¿cuál es el correo electrónico de su cuenta\?$/,
    askAddress: /¿Cuál es su nueva dirección predeterminada\? .*Calle Mayor 12, 3º B, 28013 Madrid/,
    addressDone: /^Hecho: su dirección predeterminada es ahora Calle Mayor 12, 3º B, 28013 Madrid, España\.$/,
    consent: /Para suscribirle, necesito su consentimiento a lo siguiente: «Acepto recibir por correo electrónico el boletín/,
    subscribed: /^Hecho: \S+@\S+ está suscrito a nuestro boletín\./,
    wording: /^Acepto recibir por correo electrónico el boletín de la tienda/,
  },
  {
    language: 'fr',
    changeAddress: 'Je veux changer mon adresse par défaut',
    subscribe: "Je veux m'abonner à votre newsletter",
    yes: 'oui',
    address: 'Ma nouvelle adresse est 12 rue de la Paix, 75002 Paris',
    stored: { address1: '12 rue de la Paix', address2: '', city: 'Paris', state: '', zip: '75002', country: 'France' },
    askEmail: /Tout d’abord, quelle est l’adresse e-mail de votre compte \?$/,
    askAddress: /Quelle est votre nouvelle adresse par défaut \? .*12 rue de la Paix, 75002 Paris/,
    addressDone: /^C’est fait : votre adresse par défaut est désormais 12 rue de la Paix, 75002 Paris, France\.$/,
    consent: /Pour vous abonner, j’ai besoin de votre accord sur ceci : « J’accepte de recevoir par e-mail la newsletter/,
    subscribed: /^C’est fait : \S+@\S+ est abonné à notre newsletter\./,
    wording: /^J’accepte de recevoir par e-mail la newsletter de la boutique/,
  },
  {
    language: 'pt',
    changeAddress: 'Quero alterar a minha morada predefinida',
    subscribe: "Quero subscrever a vossa newsletter",
    yes: 'sim',
    address: 'A minha nova morada é Rua Augusta 100, 1100-053 Lisboa',
    stored: { address1: 'Rua Augusta 100', address2: '', city: 'Lisboa', state: '', zip: '1100-053', country: 'Portugal' },
    askEmail: /Antes de mais, qual é o endereço de e-mail da sua conta\?$/,
    askAddress: /Qual é a sua nova morada predefinida\? .*Rua Augusta 100, 1100-053 Lisboa/,
    addressDone: /^Feito: a sua morada predefinida é agora Rua Augusta 100, 1100-053 Lisboa, Portugal\.$/,
    consent: /Para o subscrever, preciso do seu consentimento para o seguinte: «Aceito receber por e-mail a newsletter/,
    subscribed: /^Feito: \S+@\S+ subscreveu a nossa newsletter\./,
    wording: /^Aceito receber por e-mail a newsletter da loja/,
  },
];

async function newWorker(taskQueue: string): Promise<Worker> {
  return createConversationWorker({
    connection: env.nativeConnection,
    dataConverter: dataConverterOf(env),
    namespace: env.namespace ?? 'default',
    taskQueue,
    db: database.db,
    payments: payments.provider,
    workflowBundle: await workflowBundle(),
  });
}

/** A conversation already in the customer's language, as the language step leaves it. */
function inLanguage(language: string): CarriedState {
  return { status: 'open', transcript: [], decisions: [], nextSeq: 1, runs: 1, startedAt: new Date().toISOString(), language: { language, by: 'request' } };
}

// The "Thanks, <name>." before a verified customer's next question belongs to the order step, not to these flows.
describe('account flows answered in German, Spanish, French and Portuguese', () => {
  before(async () => {
    [env, database, payments] = await Promise.all([startTemporal(), temporaryDatabase(), startTestPayments()]);
    await replaceStore(database.db, buildDemoStore());
  });
  after(async () => {
    await env?.teardown();
    await database?.close();
    await payments?.sandbox.close();
  });

  it('when a customer in each language changes the default address their country’s way and subscribes to the newsletter, then every reply is in their language and the store keeps the address and the consent they read', async () => {
    const customers = await database.db('customers').orderBy('position').limit(CASES.length).select('id', 'email');
    const taskQueue = uniqueTaskQueue('account-languages');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      for (const [i, c] of CASES.entries()) {
        const customer = customers[i] as { id: string; email: string };
        const conversationId = `languages-${c.language}-${Math.random().toString(36).slice(2)}`;
        const handle = await env.client.workflow.start(ConversationWorkflow, {
          workflowId: workflowIdFor(conversationId),
          taskQueue,
          args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000, carried: inLanguage(c.language) }],
        });
        const say = async (text: string): Promise<MessageResult> => handle.executeUpdate(messageUpdate, { args: [text] });
        const text = (result: MessageResult) => result.replies.map((r) => r.text).join(' ');

        const opening = await say(c.changeAddress);
        assert.equal(opening.awaiting, 'email', `${c.language}: ${JSON.stringify(opening)}`);
        assert.match(text(opening), c.askEmail);
        const askAddress = await say(customer.email);
        assert.equal(askAddress.awaiting, 'address', `${c.language}: ${JSON.stringify(askAddress)}`);
        assert.match(text(askAddress), c.askAddress);
        const proposal = await say(c.address);
        assert.equal(proposal.awaiting, 'confirmation', `${c.language}: ${JSON.stringify(proposal)}`);
        const done = await say(c.yes);
        assert.match(text(done), c.addressDone, c.language);
        assert.deepEqual({ ...(await getUser(database.db, customer.id))?.address }, c.stored, c.language);

        const consent = await say(c.subscribe);
        assert.equal(consent.awaiting, 'confirmation', `${c.language}: ${JSON.stringify(consent)}`);
        assert.match(text(consent), c.consent);
        assert.match(text(await say(c.yes)), c.subscribed);
        const [row] = await database.db('newsletter_consents').where({ customer_id: customer.id }).select('wording');
        assert.match(row.wording, c.wording, `${c.language}: the consent is stored in the words the customer agreed to`);
      }
    });
  });
  it('when a customer in each language asks for an invoice link and reviews the item, then the summary, the link and the thanks are in their language, with amounts for their locale', async () => {
    const rows = await database.db('orders as o').join('customers as c', 'c.id', 'o.customer_id').where({ 'o.status': 'delivered' }).orderBy('o.position').select('o.id as orderId', 'c.id as customerId', 'c.email as email');
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.customerId, (counts.get(r.customerId) ?? 0) + 1);
    const target = rows.find((r) => counts.get(r.customerId) === 1) as { orderId: string; customerId: string; email: string };
    assert.ok(target, 'the demo store has a customer with one delivered order');
    const words: Record<TranslatedLanguage, { invoice: string; leaveReview: string; link: string; summary: RegExp; here: RegExp; review: string; saved: RegExp }> = {
      de: { invoice: "Senden Sie mir bitte die Rechnung", leaveReview: 'Ich möchte eine Bewertung schreiben', link: 'Ein Download-Link, bitte', summary: /Rechnung INV-\S+ zur Bestellung #W\d+: .*Bezahlt: \d+,\d\d\s\$.* Möchten Sie die Rechnung als PDF per E-Mail oder als Download-Link\?$/, here: /^Hier ist Ihre Rechnung zur Bestellung #W\d+ als PDF: \/v1\/invoices\/\S+ \(der Link funktioniert bis /, review: '4 Sterne, sehr bequem', saved: /^Vielen Dank! Ihre Bewertung von „.+“ mit 4 Sternen ist gespeichert/ },
      es: { invoice: "¿Me puede enviar la factura?", leaveReview: 'Quiero dejar una reseña', link: 'Un enlace de descarga', summary: /Factura INV-\S+ del pedido #W\d+: .*Pagado: \d+,\d\d\sUS\$.* ¿Quiere la factura en PDF por correo electrónico, o como enlace de descarga\?$/, here: /^Aquí tiene su factura del pedido #W\d+ en PDF: \/v1\/invoices\/\S+ \(el enlace funciona hasta /, review: '4 estrellas, muy cómodo', saved: /^¡Gracias! Su valoración de 4 estrellas de «.+» está guardada/ },
      fr: { invoice: "Envoyez-moi la facture de ma commande, s'il vous plaît", leaveReview: 'Je voudrais laisser un avis', link: 'Un lien de téléchargement', summary: /Facture INV-\S+ de la commande #W\d+ : .*Payé : \d+,\d\d\s\$US.* Souhaitez-vous la facture en PDF par e-mail, ou sous forme de lien de téléchargement \?$/, here: /^Voici votre facture de la commande #W\d+ en PDF : \/v1\/invoices\/\S+ \(le lien fonctionne jusqu’au /, review: '4 étoiles, très confortable', saved: /^Merci ! Votre avis 4 étoiles sur « .+ » est enregistré/ },
      pt: { invoice: "Pode enviar-me a fatura?", leaveReview: 'Quero deixar uma avaliação', link: 'Uma ligação para descarregar', summary: /Fatura INV-\S+ da encomenda #W\d+: .*Pago: \d+,\d\d\sUS\$.* Pretende a fatura em PDF por e-mail, ou como ligação para descarregar\?$/, here: /^Aqui está a sua fatura da encomenda #W\d+ em PDF: \/v1\/invoices\/\S+ \(a ligação funciona até /, review: '4 estrelas, muito confortável', saved: /^Obrigado! A sua avaliação de 4 estrelas de «.+» foi guardada/ },
    };
    const taskQueue = uniqueTaskQueue('commerce-languages');
    const worker = await newWorker(taskQueue);
    await worker.runUntil(async () => {
      for (const [language, w] of Object.entries(words) as [TranslatedLanguage, (typeof words)[TranslatedLanguage]][]) {
        const conversationId = `commerce-${language}-${Math.random().toString(36).slice(2)}`;
        const handle = await env.client.workflow.start(ConversationWorkflow, {
          workflowId: workflowIdFor(conversationId),
          taskQueue,
          args: [{ conversationId, channel: 'chat', idleTimeoutMs: 60 * 60_000, carried: inLanguage(language) }],
        });
        const say = async (text: string): Promise<MessageResult> => handle.executeUpdate(messageUpdate, { args: [text] });
        const text = (result: MessageResult) => result.replies.map((r) => r.text).join(' ');

        assert.equal((await say(w.invoice)).awaiting, 'email', language);
        let step = await say(target.email);
        if (step.awaiting === 'order_id') step = await say(target.orderId);
        assert.equal(step.awaiting, 'invoice_delivery', `${language}: ${JSON.stringify(step)}`);
        assert.match(text(step), w.summary);
        assert.match(text(await say(w.link)), w.here);

        step = await say(w.leaveReview);
        if (step.awaiting === 'items') step = await say(step.options?.[0]?.id ?? '');
        assert.equal(step.awaiting, 'rating', `${language}: ${JSON.stringify(step)}`);
        assert.match(text(await say(w.review)), w.saved);
        const [review] = await database.db('reviews').where({ customer_id: target.customerId, order_id: target.orderId }).select('rating', 'text');
        assert.deepEqual({ ...review }, { rating: 4, text: w.review.replace(/^4 \S+, /, '') }, language);
      }
    });
  });
});
