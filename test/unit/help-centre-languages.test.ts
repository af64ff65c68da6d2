import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'mocha';
import { MAX_PASSAGE_CHARS, answerWithCitation, findAnswer, parseBlocks, sectionsOf, stemIn, tokenise, tokeniseIn } from '../../domain/knowledge';
import { ARTICLES_DIR, HELP_CENTRE_LANGUAGES, helpCentreFor, loadHelpCentre } from '../../knowledge/help-centre';

const TRANSLATED = HELP_CENTRE_LANGUAGES.filter((language) => language !== 'en');
const english = loadHelpCentre();

/** The facts a translation must keep: every number (durations, amounts, lengths) and the order-number letter. */
function factsOf(text: string): string[] {
  return [...(text.match(/\d+/g) ?? []), ...(/\bW\b/.test(text) ? ['W'] : [])].sort();
}

describe('the help centre in every served language', () => {
  it('when the shipped languages are listed, then they are the five the product serves', () => {
    assert.deepEqual([...HELP_CENTRE_LANGUAGES], ['en', 'de', 'es', 'fr', 'pt']);
  });

  for (const language of TRANSLATED) {
    describe(language, () => {
      const translated = loadHelpCentre(ARTICLES_DIR, language);

      it('has every English article under the same id, and nothing else', () => {
        assert.equal(translated.language, language);
        assert.deepEqual(translated.articles.map((a) => a.id).sort(), english.articles.map((a) => a.id).sort());
        const files = fs.readdirSync(path.join(ARTICLES_DIR, language)).sort();
        assert.deepEqual(files, fs.readdirSync(ARTICLES_DIR).filter((f) => f.endsWith('.md')).sort());
      });

      for (const original of english.articles) {
        it(`${original.id}: is written in ${language}, with the same numbers and the same shape as the English`, () => {
          const article = translated.article(original.id);
          assert.ok(article, `${original.id} has no ${language} translation`);
          assert.equal(article.language, language);
          assert.notEqual(article.title, original.title);
          assert.notEqual(article.body, original.body);
          assert.deepEqual(factsOf(article.body), factsOf(original.body), `${original.id} (${language}) states other numbers than the English`);
          // The same headings, paragraphs and lists, so a passage quoted in one language has its counterpart in the others.
          assert.deepEqual(parseBlocks(article.body).map((b) => b.kind), parseBlocks(original.body).map((b) => b.kind));
          assert.ok(article.tags.length > 0, `${original.id} (${language}) has no tags`);
          for (const section of sectionsOf(article)) {
            assert.ok(section.text.length <= MAX_PASSAGE_CHARS, `${original.id} (${language}): a paragraph of ${section.text.length} characters`);
          }
        });
      }
    });
  }

  it('when a language has no articles of its own, then the English ones answer', () => {
    assert.equal(helpCentreFor('it'), english);
    assert.equal(helpCentreFor(undefined), english);
    assert.equal(helpCentreFor('de').language, 'de');
    assert.throws(() => loadHelpCentre(ARTICLES_DIR, 'it'), /no language "it"/);
  });
});

describe('reading questions in each language', () => {
  const TERMS: [string, string, string[]][] = [
    ['de', 'Ich möchte die Stornierung meiner Bestellung', ['stornier', 'bestell']],
    ['de', 'stornieren storniert stornierte', ['stornier', 'stornier', 'stornier']],
    ['de', 'Rückerstattung RUCKERSTATTUNG', ['erstatt', 'erstatt']],
    ['es', '¿Cómo cancelo la cancelación de mis pedidos?', ['cancel', 'cancel', 'pedid']],
    ['es', 'devolución devolucion devolver', ['devolv', 'devolv', 'devolv']],
    ['fr', "L'annulation de ma commande, annulée", ['annul', 'command', 'annul']],
    ['fr', 'rembourser remboursement remboursée', ['rembours', 'rembours', 'rembours']],
    ['pt', 'Quero cancelar as minhas encomendas', ['cancel', 'encomend']],
    ['pt', 'devolução devolucao', ['devolv', 'devolv']],
  ];
  for (const [language, text, terms] of TERMS) {
    it(`${language}: "${text}" → ${terms.join(' ')}`, () => assert.deepEqual(tokeniseIn(language, text), terms));
  }

  it('when the language is English or one without an analyser, then questions are read as English ones always were', () => {
    const text = 'Cancelling my orders, please';
    assert.deepEqual(tokeniseIn('en', text), tokenise(text));
    assert.deepEqual(tokeniseIn('it', text), tokenise(text));
    assert.deepEqual(tokeniseIn(undefined, text), tokenise(text));
  });

  it('when a word is no longer than the shortest stem, or holds a digit, then it is kept whole', () => {
    assert.equal(stemIn('de', 'zeit'), 'zeit');
    assert.equal(stemIn('es', 'w1001'), 'w1001');
  });
});

// [question, the article that answers it, something the quoted passage must say]
const QUESTIONS: Record<string, [string, string, RegExp?][]> = {
  de: [
    ['Wie lange dauert die Lieferung?', 'shipping-and-delivery', /3 bis 7 Werktage/],
    ['Kostet die Stornierung einer Bestellung etwas?', 'cancelling-an-order', /keine Stornogebühr/],
    ['Wie kann ich einen Artikel zurücksenden?', 'returns'],
    ['Wie lange dauert eine Erstattung auf meine Kreditkarte?', 'refunds', /5 bis 7 Werktage/],
    ['Welche Zahlungsarten akzeptieren Sie?', 'payment-methods', /Kreditkarten, PayPal und unsere eigenen Geschenkkarten/],
    ['Mir wurde zweimal abgebucht', 'payment-problems'],
    ['Ich habe mein Passwort vergessen', 'signing-in-and-accounts', /Zurücksetzen/],
    ['Kann ich mit einem Menschen sprechen?', 'talking-to-a-person'],
    ['Wo ist meine Sendungsnummer?', 'tracking-your-order'],
    ['Kann ich Schuhe gegen eine andere Größe umtauschen?', 'exchanges'],
    ['Wie ändere ich die Lieferadresse meiner Bestellung?', 'changing-the-delivery-address'],
    ['Die Lampe ist kaputt angekommen', 'damaged-or-wrong-items'],
    ['Bitte löschen Sie meine Daten', 'privacy-and-your-data', /14 Tagen/],
    ['Wofür kann ich eine Geschenkkarte verwenden?', 'gift-cards'],
    ['Was bedeutet der Status bearbeitet?', 'order-statuses', /^Bearbeitet/],
    ['Wie ist die Lieferzeit?', 'shipping-and-delivery'],
    ['Akzeptieren Sie Banküberweisung?', 'payment-methods'],
    ['Meine Zahlung wurde abgelehnt', 'payment-problems'],
    ['Wie eröffne ich ein Konto?', 'signing-in-and-accounts'],
    ['Ich möchte mich beschweren', 'talking-to-a-person'],
    ['wie lange dauert die ruckerstattung', 'refunds'],
  ],
  es: [
    ['¿Cuánto tarda la entrega?', 'shipping-and-delivery', /de 3 a 7 días hábiles/],
    ['¿Cuesta algo cancelar un pedido?', 'cancelling-an-order', /no hay gastos de cancelación/],
    ['¿Cómo devuelvo un artículo?', 'returns'],
    ['¿Cuánto tarda un reembolso en mi tarjeta de crédito?', 'refunds', /de 5 a 7 días hábiles/],
    ['¿Qué métodos de pago aceptan?', 'payment-methods', /tarjetas de crédito, PayPal y nuestras propias tarjetas regalo/],
    ['Me han cobrado dos veces', 'payment-problems'],
    ['He olvidado mi contraseña', 'signing-in-and-accounts', /restablecerla/],
    ['¿Puedo hablar con una persona?', 'talking-to-a-person'],
    ['¿Dónde está mi número de seguimiento?', 'tracking-your-order'],
    ['¿Puedo cambiar unos zapatos de un pedido entregado por otra talla?', 'exchanges'],
    ['¿Cómo cambio la dirección de entrega de mi pedido?', 'changing-the-delivery-address'],
    ['La lámpara llegó rota', 'damaged-or-wrong-items'],
    ['Por favor, borren mis datos personales', 'privacy-and-your-data'],
    ['¿Para qué puedo usar una tarjeta regalo?', 'gift-cards'],
    ['cuanto tarda el envio', 'shipping-and-delivery'],
    ['¿Aceptan transferencia bancaria?', 'payment-methods'],
    ['¿Cómo creo una cuenta?', 'signing-in-and-accounts'],
    ['quiero poner una reclamación', 'talking-to-a-person'],
  ],
  fr: [
    ['Combien de temps prend la livraison ?', 'shipping-and-delivery', /3 à 7 jours ouvrés/],
    ['Y a-t-il des frais pour annuler une commande ?', 'cancelling-an-order', /pas de frais d’annulation/],
    ['Comment retourner un article ?', 'returns'],
    ['Combien de temps prend un remboursement sur ma carte de crédit ?', 'refunds', /5 à 7 jours ouvrés/],
    ['Quels moyens de paiement acceptez-vous ?', 'payment-methods', /les cartes de crédit, PayPal et nos propres cartes cadeaux/],
    ['J’ai été débité deux fois', 'payment-problems'],
    ['J’ai oublié mon mot de passe', 'signing-in-and-accounts', /réinitialisation/],
    ['Puis-je parler à une personne ?', 'talking-to-a-person'],
    ['Où est mon numéro de suivi ?', 'tracking-your-order'],
    ['Puis-je échanger des chaussures contre une autre taille ?', 'exchanges'],
    ['Comment modifier l’adresse de livraison de ma commande ?', 'changing-the-delivery-address'],
    ['La lampe est arrivée cassée', 'damaged-or-wrong-items'],
    ['Supprimez mes données personnelles', 'privacy-and-your-data'],
    ['À quoi sert une carte cadeau ?', 'gift-cards'],
    ['Proposez-vous la livraison express ?', 'shipping-and-delivery'],
    ['Mon paiement a été refusé', 'payment-problems'],
    ['Comment créer un compte ?', 'signing-in-and-accounts'],
    ['combien de temps pour etre rembourse', 'refunds'],
  ],
  pt: [
    ['Quanto tempo demora a entrega?', 'shipping-and-delivery', /3 a 7 dias úteis/],
    ['Cancelar uma encomenda tem algum custo?', 'cancelling-an-order', /não há taxa de cancelamento/],
    ['Como devolvo um artigo?', 'returns'],
    ['Quanto tempo demora um reembolso no meu cartão de crédito?', 'refunds', /5 a 7 dias úteis/],
    ['Que métodos de pagamento aceitam?', 'payment-methods', /cartões de crédito, PayPal e os nossos próprios cartões-oferta/],
    ['Fui cobrado duas vezes', 'payment-problems'],
    ['Esqueci-me da minha palavra-passe', 'signing-in-and-accounts', /reposição/],
    ['Posso falar com uma pessoa?', 'talking-to-a-person'],
    ['Onde está o meu número de seguimento?', 'tracking-your-order'],
    ['Posso trocar uns sapatos por outro tamanho?', 'exchanges'],
    ['Como altero a morada de entrega da minha encomenda?', 'changing-the-delivery-address'],
    ['O candeeiro chegou partido', 'damaged-or-wrong-items'],
    ['Apaguem os meus dados pessoais, por favor', 'privacy-and-your-data'],
    ['Para que posso usar um cartão-oferta?', 'gift-cards'],
    ['Fazem envio expresso?', 'shipping-and-delivery'],
    ['O meu pagamento foi recusado', 'payment-problems'],
    ['Como crio uma conta?', 'signing-in-and-accounts'],
    ['quanto tempo demora o reembolso', 'refunds'],
  ],
};

const OUT_OF_SCOPE: Record<string, string[]> = {
  de: ['Wie wird das Wetter morgen?', 'Erzähl mir einen Witz', 'Bestellung', ''],
  es: ['¿Qué tiempo hará mañana?', 'Cuéntame un chiste', 'pedido'],
  fr: ['Quel temps fera-t-il demain ?', 'Raconte-moi une blague', 'commande'],
  pt: ['Como vai estar o tempo amanhã?', 'Conta-me uma anedota', 'encomenda'],
};

const SOURCE_WORD: Record<string, string> = { de: 'Quelle: ', es: 'Fuente: ', fr: 'Source : ', pt: 'Fonte: ' };

describe('the help centre answers in the customer’s language, citing the article in it', () => {
  for (const [language, questions] of Object.entries(QUESTIONS)) {
    const helpCentre = loadHelpCentre(ARTICLES_DIR, language);
    for (const [question, articleId, says] of questions) {
      it(`${language}: "${question}" is answered from ${articleId} and cited at /help/${language}/${articleId}`, () => {
        const answer = findAnswer(helpCentre.index, question);
        assert.ok(answer.confident, `not confident: ${JSON.stringify(answer)}`);
        assert.equal(answer.articleId, articleId, answer.passage);
        assert.equal(answer.language, language);
        assert.equal(answer.title, helpCentre.article(articleId)?.title);
        if (says) assert.match(answer.passage, says);
        const reply = answerWithCitation(answer);
        assert.equal(reply, `${answer.passage}\n\n${SOURCE_WORD[language]}${answer.title} (/help/${language}/${articleId})`);
      });
    }
    for (const question of OUT_OF_SCOPE[language] ?? []) {
      it(`${language}: "${question}" is not answered`, () => assert.equal(findAnswer(helpCentre.index, question).confident, false));
    }
  }

  it('when the question is English, then the English answer is as it was: no language, cited at /help/<id>', () => {
    const answer = findAnswer(english.index, 'Is there a fee to cancel an order?');
    assert.ok(answer.confident);
    assert.equal('language' in answer, false);
    assert.match(answerWithCitation(answer), /\n\nSource: Cancelling an order \(\/help\/cancelling-an-order\)$/);
  });
});
