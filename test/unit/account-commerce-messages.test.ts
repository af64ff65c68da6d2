import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import type { CarriedState } from '../../domain/conversation';
import { describeInvoice, invoiceDeliveryIn, invoiceFacts, type Invoice } from '../../domain/commerce/invoice';
import { NEWSLETTER_CONSENT_WORDING, subscriptionChoice } from '../../domain/commerce/newsletter';
import { readReview, reviewTextProblem, reviewTextTrouble } from '../../domain/commerce/review';
import { verificationFor } from '../../domain/identity-assurance';
import { render } from '../../domain/messages';
import { englishOf, say } from '../../workflows/conversation/speaking';
import { addressLine } from '../../workflows/conversation/flows/steps/address';
import { invoiceInWords } from '../../workflows/conversation/flows/invoice';

const stateIn = (language?: string): CarriedState => ({
  status: 'open',
  transcript: [],
  decisions: [],
  nextSeq: 1,
  runs: 1,
  startedAt: '2026-12-01T00:00:00Z',
  ...(language ? { language: { language, by: 'request' as const } } : {}),
});

const space = (text: string) => text.replace(/\s/g, ' ');

describe('an address confirmed back the way its country writes it', () => {
  const berlin = { address1: 'Hauptstraße 5', address2: 'Hinterhaus', city: 'Berlin', state: '', zip: '10115', country: 'Germany' };
  const lisboa = { address1: 'Rua Augusta 100', address2: '', city: 'Lisboa', state: '', zip: '1100-053', country: 'Portugal' };
  const denver = { address1: '986 Sunset Drive', address2: 'Suite 259', city: 'Denver', state: 'CO', zip: '80279', country: 'USA' };
  const cases: [typeof berlin, string, string][] = [
    [denver, 'en', '986 Sunset Drive, Suite 259, Denver, CO 80279, USA'],
    [berlin, 'en', 'Hauptstraße 5, Hinterhaus, 10115 Berlin, Germany'],
    [berlin, 'de', 'Hauptstraße 5, Hinterhaus, 10115 Berlin, Deutschland'],
    [berlin, 'es', 'Hauptstraße 5, Hinterhaus, 10115 Berlin, Alemania'],
    [lisboa, 'fr', 'Rua Augusta 100, 1100-053 Lisboa, Portugal'],
    [denver, 'pt', '986 Sunset Drive, Suite 259, Denver, CO 80279, Estados Unidos'],
    // A country the store spells in its own way is written as it is.
    [{ ...berlin, country: 'Polska' }, 'de', 'Hauptstraße 5, Hinterhaus, 10115 Berlin, Polska'],
  ];
  for (const [address, language, expected] of cases) {
    it(`${language}: ${expected}`, () => assert.equal(addressLine(address, language), expected));
  }
});

describe('an invoice told in the customer’s language', () => {
  const invoice: Invoice = {
    number: 'INV-W2611340',
    orderId: '#W2611340',
    status: 'delivered',
    issuedAt: '2026-12-01T00:00:00Z',
    billTo: { name: 'Ana Lopez', email: 'ana@example.com', address: [] },
    lines: Array.from({ length: 6 }, (_, i) => ({ description: `Lamp ${i + 1}`, priceCents: 123450 + i })),
    totalCents: 740715,
    movements: [],
    paidCents: 740715,
    refundedCents: 1250,
    netCents: 739465,
  };

  it('says in English what the activity has always said', () => {
    assert.equal(invoiceInWords(stateIn(), invoiceFacts(invoice)), describeInvoice(invoice));
  });

  const expected: [string, RegExp][] = [
    ['de', /^Rechnung INV-W2611340 zur Bestellung #W2611340: 6 Artikel, Summe 7407,15 \$ \(Lamp 1 1234,50 \$; .*Lamp 5 1234,54 \$ und 1 weitere\)\. Bezahlt: 7407,15 \$; 12,50 \$ erstattet, also am Ende 7394,65 \$ bezahlt\.$/],
    ['es', /^Factura INV-W2611340 del pedido #W2611340: 6 artículos, total 7407,15 US\$ .* y 1 más\)\. Pagado: 7407,15 US\$; reembolsado: 12,50 US\$, así que al final se pagó 7394,65 US\$\.$/],
    ['fr', /^Facture INV-W2611340 de la commande #W2611340 : 6 articles, total 7407,15 \$US .* et 1 autres\)\. Payé : 7407,15 \$US ; remboursé : 12,50 \$US, soit 7394,65 \$US payé au final\.$/],
    ['pt', /^Fatura INV-W2611340 da encomenda #W2611340: 6 artigos, total 7407,15 US\$ .* e mais 1\)\. Pago: 7407,15 US\$; reembolsado: 12,50 US\$, pelo que no fim foi pago 7394,65 US\$\.$/],
  ];
  for (const [language, pattern] of expected) {
    it(`${language}: amounts for the locale, the store's item names as they are, and the English kept for the console`, () => {
      const state = stateIn(language);
      const told = invoiceInWords(state, invoiceFacts(invoice));
      assert.match(space(told), pattern);
      assert.equal(englishOf(told, state.spoken ?? []), describeInvoice(invoice));
    });
  }
});

describe('the account and commerce wording in each language', () => {
  it('asks a vouched e-mail sender for name and zip in their language', () => {
    const question = verificationFor({ customerId: 'c1', firstName: 'Ana', assurance: 'vouched', by: 'email_address' }).question;
    assert.equal(render('de', question), 'Für Änderungen muss ich Sie zuerst verifizieren: Wie lauten Ihr vollständiger Name und Ihre Postleitzahl?');
    assert.equal(render('pt', question), 'Para fazer alterações, preciso primeiro de confirmar a sua identidade: qual é o seu nome completo e o seu código postal?');
    assert.equal(render('en', question), 'To make changes I need to verify you first: what are your full name and zip code?');
  });

  it('refuses a review text in the customer’s language, and in English as before', () => {
    const long = 'y'.repeat(2001);
    const trouble = reviewTextTrouble(long);
    assert.ok(trouble);
    assert.equal(render('fr', trouble.message, trouble.params), 'Veuillez limiter l’avis à moins de 2000 caractères.');
    assert.equal(render('es', trouble.message, trouble.params), 'Por favor, escriba la valoración en menos de 2000 caracteres.');
    assert.equal(reviewTextProblem(long), 'Please keep the review under 2000 characters.');
    assert.equal(reviewTextTrouble('Lovely.'), undefined);
  });

  it('puts the newsletter consent to the customer in their language, and keeps its English beside it', () => {
    const state = stateIn('es');
    const consent = say(state, 'To subscribe you, I need your agreement to this: "{wording}" Do you agree?', { wording: say(state, NEWSLETTER_CONSENT_WORDING) });
    assert.match(consent, /^Para suscribirle, necesito su consentimiento a lo siguiente: «Acepto recibir por correo electrónico el boletín de la tienda, .*» ¿Está de acuerdo\?$/);
    assert.equal(englishOf(consent, state.spoken ?? []), `To subscribe you, I need your agreement to this: "${NEWSLETTER_CONSENT_WORDING}" Do you agree?`);
  });
});

describe('newsletter, invoice and review answers in the customer’s language', () => {
  const choices: [string, ReturnType<typeof subscriptionChoice>][] = [
    ['Ich möchte den Newsletter abonnieren', 'subscribe'],
    ['Bitte melden Sie mich vom Newsletter ab, ich will mich abmelden', 'unsubscribe'],
    ['Abbestellen', 'unsubscribe'],
    ['Quiero suscribirme al boletín', 'subscribe'],
    ['Quiero darme de baja del boletín', 'unsubscribe'],
    ['Je veux m’abonner à la newsletter', 'subscribe'],
    ['Je veux me désabonner de la newsletter', 'unsubscribe'],
    ['Quero subscrever a newsletter', 'subscribe'],
    ['Quero cancelar a subscrição da newsletter', 'unsubscribe'],
    ['unsubscribe me', 'unsubscribe'],
    ['Wo ist meine Bestellung?', undefined],
  ];
  for (const [text, expected] of choices) {
    it(`reads "${text}" as ${String(expected)}`, () => assert.equal(subscriptionChoice(text), expected));
  }

  const deliveries: [string, ReturnType<typeof invoiceDeliveryIn>][] = [
    ['Per E-Mail, bitte', 'email'],
    ['Por correo electrónico', 'email'],
    ['Un enlace de descarga', 'link'],
    ['Par courriel', 'email'],
    ['Un lien de téléchargement', 'link'],
    ['Uma ligação para descarregar', 'link'],
    ['by e-mail', 'email'],
  ];
  for (const [text, expected] of deliveries) {
    it(`reads "${text}" as the invoice ${String(expected)}`, () => assert.equal(invoiceDeliveryIn(text), expected));
  }

  const reviews: [string, ReturnType<typeof readReview>][] = [
    ['4 Sterne, bequem, aber etwas klein', { rating: 4, text: 'bequem, aber etwas klein' }],
    ['5 estrellas', { rating: 5 }],
    ['3 étoiles : correct sans plus', { rating: 3, text: 'correct sans plus' }],
    ['Muito confortável, 4 estrelas', { rating: 4, text: 'Muito confortável, 4 estrelas' }],
    ['2 de 5, la cremallera se rompió', { rating: 2, text: 'la cremallera se rompió' }],
    ['4 stars, comfortable', { rating: 4, text: 'comfortable' }],
  ];
  for (const [text, expected] of reviews) {
    it(`reads the review "${text}" as ${JSON.stringify(expected)}`, () => assert.deepEqual(readReview(text), expected));
  }
});
