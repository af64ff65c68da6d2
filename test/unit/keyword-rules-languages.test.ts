import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { foldForRules, LANGUAGE_RULES } from '../../nlu/keyword-rules-languages';
import { matchKeywordRule } from '../../nlu/keyword-rules';
import { INTENTS } from '../../domain/intents';

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
      ['Wann bekomme ich meine Erstattung?', 'track_refund'],
      ['Wann erhalte ich die Rückerstattung für meine Rücksendung?', 'track_refund'],
      ['Ich möchte die Schuhe zurückschicken', 'return_items'],
      ['Ich will mein Geld zurück', 'get_refund'],
      ['Ich möchte eine Rückerstattung beantragen', 'get_refund'],
    ],
    silent: [
      'Ich möchte meine Bestellung nicht stornieren',
      'Bitte stornieren Sie meine Bestellung nicht, ich habe mich umentschieden',
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

/** The rest of the catalogue: several phrasings per intent, and another intent's phrasing next to each. */
const CATALOGUE_TABLES: Record<'de' | 'es' | 'fr' | 'pt', Table> = {
  de: {
    fires: [
      ['Bitte schicken Sie mir die Rechnung für meine Bestellung', 'get_invoice'],
      ['Ich brauche eine Kopie meiner Rechnung', 'get_invoice'],
      ['Wie kann ich die Rechnung als PDF herunterladen?', 'get_invoice'],
      ['Wo kann ich meine Rechnung einsehen?', 'check_invoice'],
      ['Ich möchte die Rechnung meiner letzten Bestellung prüfen', 'check_invoice'],
      ['Ich möchte die Lieferadresse meiner Bestellung ändern', 'change_shipping_address'],
      ['Können Sie das Paket an eine andere Adresse schicken?', 'change_shipping_address'],
      ['Ich möchte meine Standardadresse ändern', 'update_default_address'],
      ['Bitte aktualisieren Sie die hinterlegte Adresse in meinem Konto', 'update_default_address'],
      ['Ich möchte eine neue Lieferadresse hinzufügen', 'set_up_shipping_address'],
      ['Wie lege ich eine zweite Adresse in meinem Profil an?', 'set_up_shipping_address'],
      ['Ich möchte meine Bestellung ändern', 'change_order'],
      ['Bitte entfernen Sie den Rucksack aus meiner offenen Bestellung', 'change_order'],
      ['Ich möchte die Größe eines Artikels in meiner Bestellung ändern', 'modify_items'],
      ['Ich möchte die Schuhe gegen eine andere Größe umtauschen', 'exchange_items'],
      ['Ich möchte die Zahlungsmethode für meine Bestellung ändern', 'modify_payment_method'],
      ['Kann ich mit einer anderen Karte bezahlen?', 'modify_payment_method'],
      ['Mir wurde die Bestellung doppelt abgebucht', 'payment_issue'],
      ['Meine Zahlung wurde abgelehnt', 'payment_issue'],
      ['Welche Zahlungsarten akzeptieren Sie?', 'check_payment_methods'],
      ['Ich möchte mich vom Newsletter abmelden', 'newsletter_subscription'],
      ['Bitte den Newsletter abbestellen', 'newsletter_subscription'],
      ['Wie kann ich eine Bewertung für das Produkt schreiben?', 'review'],
      ['Ich möchte meine E-Mail-Adresse ändern', 'edit_account'],
      ['Ich will meinen Namen im Konto korrigieren', 'edit_account'],
      ['Bitte löschen Sie mein Kundenkonto', 'delete_account'],
      ['Ich möchte mein Konto schließen', 'delete_account'],
      ['Ich habe mein Passwort vergessen', 'recover_password'],
      ['Wie kann ich mein Kennwort zurücksetzen?', 'recover_password'],
      ['Ich kann mich nicht registrieren', 'registration_problems'],
      ['Die Registrierung funktioniert nicht', 'registration_problems'],
      ['Welche Versandarten gibt es?', 'delivery_options'],
      ['Wie lange dauert die Lieferung nach Österreich?', 'delivery_period'],
      ['Wie lange habe ich laut Ihren Rückgabebedingungen Zeit?', 'check_refund_policy'],
      ['Was steht in Ihrer Rückgaberichtlinie?', 'check_refund_policy'],
      ['Ich möchte eine Beschwerde einreichen', 'complaint'],
      ['Ich möchte mich über den Service beschweren', 'complaint'],
      ['Wie kann ich eine Bestellung aufgeben?', 'place_order'],
      ['Wie erreiche ich den Kundenservice?', 'contact_customer_service'],
      ['Was ist die Telefonnummer des Kundenservice?', 'contact_customer_service'],
      ['Kostet es etwas, wenn ich meine Bestellung storniere?', 'check_cancellation_fee'],
      ['Ich möchte die Lieferadresse in meinem Konto ändern', 'update_default_address'], // the account's, not an order's
      ['Meine Karte wurde abgelehnt', 'payment_issue'],
    ],
    silent: [
      'Ich habe die Rechnung schon bezahlt', // a payment, not a copy
      'Ich möchte mein Konto nicht löschen',
      'Bitte schicken Sie mir keine Rechnung',
      'Ich möchte die Adresse ändern', // which address: the model or a question decides
      'Wie ist das Wetter in Berlin?',
      'Ich will die Schuhe nicht umtauschen',
      'Wie lange dauert die Rückerstattung?', // a refund's time, not a delivery's
    ],
  },
  es: {
    fires: [
      ['Necesito la factura de mi pedido', 'get_invoice'],
      ['¿Me pueden enviar una copia de la factura?', 'get_invoice'],
      ['Quiero descargar la factura en PDF', 'get_invoice'],
      ['Quiero ver mi factura', 'check_invoice'],
      ['¿Dónde puedo consultar la factura de mi último pedido?', 'check_invoice'],
      ['Quiero cambiar la dirección de envío de mi pedido', 'change_shipping_address'],
      ['¿Pueden enviarlo a otra dirección?', 'change_shipping_address'],
      ['Quiero cambiar mi dirección predeterminada', 'update_default_address'],
      ['¿Cómo actualizo la dirección de mi cuenta? Quiero cambiar la dirección de mi cuenta', 'update_default_address'],
      ['Quiero añadir una nueva dirección', 'set_up_shipping_address'],
      ['¿Cómo guardo otra dirección? Quisiera agregar otra dirección', 'set_up_shipping_address'],
      ['Quiero modificar mi pedido', 'change_order'],
      ['Quiero quitar la mochila de mi pedido', 'change_order'],
      ['Quiero cambiar la talla de un artículo de mi pedido', 'modify_items'],
      ['Quiero cambiarlas por otra talla, las recibí ayer', 'exchange_items'],
      ['Me gustaría hacer un cambio', 'exchange_items'],
      ['Quiero cambiar el método de pago', 'modify_payment_method'],
      ['¿Puedo pagar el pedido con otra tarjeta?', 'modify_payment_method'],
      ['Me han cobrado dos veces', 'payment_issue'],
      ['Mi pago fue rechazado', 'payment_issue'],
      ['¿Qué métodos de pago aceptan?', 'check_payment_methods'],
      ['Quiero darme de baja de la newsletter', 'newsletter_subscription'],
      ['Quiero suscribirme al boletín', 'newsletter_subscription'],
      ['Quiero dejar una reseña del producto', 'review'],
      ['Quiero cambiar mi correo electrónico', 'edit_account'],
      ['Necesito actualizar mis datos personales', 'edit_account'],
      ['Quiero eliminar mi cuenta', 'delete_account'],
      ['Por favor, cierren mi cuenta. Quiero cerrar mi cuenta', 'delete_account'],
      ['He olvidado mi contraseña', 'recover_password'],
      ['¿Cómo puedo restablecer la contraseña?', 'recover_password'],
      ['No puedo registrarme', 'registration_problems'],
      ['Tengo un problema al crear una cuenta', 'registration_problems'],
      ['¿Qué opciones de envío tienen?', 'delivery_options'],
      ['¿Cuánto tarda el envío a Canarias?', 'delivery_period'],
      ['¿Cuál es su política de devoluciones?', 'check_refund_policy'],
      ['Quiero poner una queja', 'complaint'],
      ['Estoy muy decepcionado con su servicio', 'complaint'],
      ['¿Cómo puedo hacer un pedido?', 'place_order'],
      ['¿Cuál es el teléfono de atención al cliente?', 'contact_customer_service'],
      ['¿Cuánto cuesta cancelar un pedido?', 'check_cancellation_fee'],
      ['Quiero cambiar la dirección de envío predeterminada', 'update_default_address'], // the account's, not an order's
      ['Quiero cambiar mi contraseña', 'recover_password'],
    ],
    silent: [
      'No quiero eliminar mi cuenta',
      'Quiero pagar la factura', // a payment, not a copy
      'Quiero cambiar la dirección', // which address: the model or a question decides
      '¿Qué tiempo hace en Madrid?',
      'No necesito la factura',
      '¿Cuánto tarda el reembolso?', // a refund's time, not a delivery's
      'Quiero cambiar la talla de las zapatillas que recibí ayer', // delivered: not an option of a pending order
    ],
  },
  fr: {
    fires: [
      ["Pouvez-vous m'envoyer la facture de ma commande ?", 'get_invoice'],
      ["J'ai besoin d'une copie de ma facture", 'get_invoice'],
      ['Je voudrais télécharger ma facture', 'get_invoice'],
      ['Je voudrais voir ma facture', 'check_invoice'],
      ['Où puis-je consulter mes factures ?', 'check_invoice'],
      ["Je voudrais modifier l'adresse de livraison de ma commande", 'change_shipping_address'],
      ['Pouvez-vous livrer ma commande à une autre adresse ?', 'change_shipping_address'],
      ['Je voudrais changer mon adresse par défaut', 'update_default_address'],
      ["Comment modifier l'adresse de mon compte ?", 'update_default_address'],
      ['Je voudrais ajouter une nouvelle adresse', 'set_up_shipping_address'],
      ['Comment enregistrer une autre adresse ?', 'set_up_shipping_address'],
      ['Je voudrais modifier ma commande', 'change_order'],
      ['Pouvez-vous retirer le sac à dos de ma commande ?', 'change_order'],
      ["Je voudrais changer la taille d'un article de ma commande", 'modify_items'],
      ['Je voudrais les échanger contre une autre taille', 'exchange_items'],
      ['Comment faire un échange ?', 'exchange_items'],
      ['Je voudrais changer de moyen de paiement', 'modify_payment_method'],
      ['Puis-je payer avec une autre carte ?', 'modify_payment_method'],
      ["J'ai été débité deux fois", 'payment_issue'],
      ['Mon paiement a été refusé', 'payment_issue'],
      ['Quels sont les moyens de paiement acceptés ?', 'check_payment_methods'],
      ['Je veux me désabonner de la newsletter', 'newsletter_subscription'],
      ["Je voudrais m'inscrire à la newsletter", 'newsletter_subscription'],
      ['Je voudrais laisser un avis sur le produit', 'review'],
      ['Je voudrais changer mon adresse e-mail', 'edit_account'],
      ['Comment modifier mon nom ?', 'edit_account'],
      ['Je veux supprimer mon compte', 'delete_account'],
      ['Merci de fermer mon compte', 'delete_account'],
      ["J'ai oublié mon mot de passe", 'recover_password'],
      ['Comment réinitialiser mon mot de passe ?', 'recover_password'],
      ["Je n'arrive pas à m'inscrire", 'registration_problems'],
      ["J'ai une erreur lors de l'inscription", 'registration_problems'],
      ['Quelles sont les options de livraison ?', 'delivery_options'],
      ['Combien de temps prend la livraison en Belgique ?', 'delivery_period'],
      ['Quelle est votre politique de retour ?', 'check_refund_policy'],
      ['Je voudrais déposer une réclamation', 'complaint'],
      ['Je veux me plaindre', 'complaint'],
      ['Comment passer une commande ?', 'place_order'],
      ['Quel est le numéro du service client ?', 'contact_customer_service'],
      ["Y a-t-il des frais si j'annule ma commande ?", 'check_cancellation_fee'],
      ["Je voudrais modifier l'adresse de livraison par défaut", 'update_default_address'], // the account's, not an order's
      ['Je veux annuler mon abonnement à la newsletter', 'newsletter_subscription'], // not an order
    ],
    silent: [
      'Je ne veux pas supprimer mon compte',
      'Je voudrais payer ma facture', // a payment, not a copy
      "Je voudrais changer l'adresse", // which address: the model or a question decides
      'Quel temps fait-il à Paris ?',
      "N'envoyez pas la facture",
      'Combien de temps pour être remboursé ?', // a refund's time, not a delivery's
      "Je voudrais changer la taille d'un article de ma commande que j'ai reçue hier", // delivered: not a pending order
    ],
  },
  pt: {
    fires: [
      ['Preciso da fatura da minha encomenda', 'get_invoice'],
      ['Podem enviar-me uma cópia da fatura?', 'get_invoice'],
      ['Quero descarregar a fatura em PDF', 'get_invoice'],
      ['Quero ver a minha fatura', 'check_invoice'],
      ['Onde posso consultar a fatura da última encomenda?', 'check_invoice'],
      ['Quero alterar a morada de entrega da minha encomenda', 'change_shipping_address'],
      ['Podem enviar a encomenda para outra morada?', 'change_shipping_address'],
      ['Quero alterar a minha morada predefinida', 'update_default_address'],
      ['Como atualizo a morada da minha conta? Quero mudar a morada da minha conta', 'update_default_address'],
      ['Quero adicionar uma nova morada', 'set_up_shipping_address'],
      ['Como posso guardar outra morada?', 'set_up_shipping_address'],
      ['Quero alterar a minha encomenda', 'change_order'],
      ['Quero remover a mochila da minha encomenda', 'change_order'],
      ['Quero mudar o tamanho de um artigo da minha encomenda', 'modify_items'],
      ['Quero trocá-los por outro tamanho, já os recebi', 'exchange_items'],
      ['Gostaria de fazer uma troca', 'exchange_items'],
      ['Quero alterar o método de pagamento', 'modify_payment_method'],
      ['Posso pagar a encomenda com outro cartão?', 'modify_payment_method'],
      ['Fui cobrado duas vezes', 'payment_issue'],
      ['O meu pagamento foi recusado', 'payment_issue'],
      ['Quais são os métodos de pagamento aceites?', 'check_payment_methods'],
      ['Quero cancelar a subscrição da newsletter', 'newsletter_subscription'],
      ['Quero subscrever a newsletter', 'newsletter_subscription'],
      ['Quero deixar uma avaliação do produto', 'review'],
      ['Quero alterar o meu e-mail', 'edit_account'],
      ['Preciso de atualizar os meus dados pessoais', 'edit_account'],
      ['Quero apagar a minha conta', 'delete_account'],
      ['Por favor, encerrem a minha conta. Quero encerrar a minha conta', 'delete_account'],
      ['Esqueci-me da palavra-passe', 'recover_password'],
      ['Como posso redefinir a minha palavra-passe?', 'recover_password'],
      ['Não consigo registar-me', 'registration_problems'],
      ['Tenho um problema no registo', 'registration_problems'],
      ['Quais são as opções de envio?', 'delivery_options'],
      ['Quanto tempo demora a entrega nos Açores?', 'delivery_period'],
      ['Qual é a vossa política de devolução?', 'check_refund_policy'],
      ['Quero fazer uma reclamação', 'complaint'],
      ['Estou muito desiludido com o vosso serviço', 'complaint'],
      ['Como posso fazer uma encomenda?', 'place_order'],
      ['Qual é o número do apoio ao cliente?', 'contact_customer_service'],
      ['Quanto custa cancelar uma encomenda?', 'check_cancellation_fee'],
      ['Quero alterar a morada de entrega predefinida', 'update_default_address'], // the account's, not an order's
    ],
    silent: [
      'Não quero apagar a minha conta',
      'Quero pagar a fatura', // a payment, not a copy
      'Quero alterar a morada', // which address: the model or a question decides
      'Como está o tempo em Lisboa?',
      'Não preciso da fatura',
      'Quanto tempo demora o reembolso?', // a refund's time, not a delivery's
      'Quero trocar o cartão por outro, o meu expirou', // a card, not an item
    ],
  },
};

/** Every intent of the catalogue a customer starts, but opening an account or moving between two (left to the model). */
const CUSTOMER_STARTED = INTENTS.map((i) => i.name).filter(
  (n) => !['greeting', 'thanks', 'goodbye', 'oos', 'create_account', 'switch_account'].includes(n),
);

describe('keyword rules in German, Spanish, French and Portuguese (tier 1)', () => {
  for (const [lang, table] of [...Object.entries(TABLES), ...Object.entries(CATALOGUE_TABLES).map(([l, t]) => [`${l}, the rest of the catalogue`, t] as const)]) {
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
    const wanted = ['greeting', 'thanks', 'goodbye', 'contact_human_agent', 'cancel_order', 'track_order', 'return_items', 'get_refund', 'track_refund', ...CUSTOMER_STARTED];
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
