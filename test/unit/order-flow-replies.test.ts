import assert from 'node:assert/strict';
import type { RefundToMove } from '../../activities/perform-action';
import { describe, it } from 'mocha';
import type { CarriedState, OrderFlow, ReplyOption } from '../../domain/conversation';
import { describeOrderStatus } from '../../domain/order-status-text';
import { describeRefunds } from '../../domain/refund-status-text';
import { readMessage } from '../../domain/understanding/reading';
import { returnRequested } from '../../workflows/conversation/flows/return-items';
import { exchangeDone } from '../../workflows/conversation/flows/steps/item-change';
import { pickOne } from '../../workflows/conversation/flows/steps/choosing';
import { amountsOf, delayedRefundNote } from '../../workflows/conversation/refund-credit';
import { englishOf, say } from '../../workflows/conversation/speaking';

type Listener = Pick<CarriedState, 'language' | 'spoken'>;
const speaking = (language?: string): Listener => (language ? { language: { language, by: 'detection' } } : {});
/** Intl puts (narrow) no-break spaces into amounts; the expectations are written with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the order flows, in the customer\'s language', () => {
  describe('the return confirmation', () => {
    const expected: [string | undefined, string][] = [
      [undefined, 'Done: the return for order #W1 is requested. You will get an e-mail on how to send the items back; as soon as they reach us, your refund of $19.99 is on its way, and I will let you know here.'],
      ['de', 'Erledigt: Die Rücksendung für die Bestellung #W1 ist beantragt. Sie erhalten eine E-Mail, wie Sie die Artikel zurücksenden; sobald sie bei uns ankommen, ist Ihre Erstattung von 19,99 $ unterwegs, und ich sage Ihnen hier Bescheid.'],
      ['es', 'Hecho: la devolución del pedido #W1 está solicitada. Recibirá un correo electrónico con instrucciones para enviar los artículos; en cuanto nos lleguen, su reembolso de 19,99 US$ estará en camino, y se lo haré saber aquí.'],
      ['fr', 'C’est fait : le retour de la commande #W1 est demandé. Vous recevrez un e-mail expliquant comment renvoyer les articles ; dès qu’ils nous parviennent, votre remboursement de 19,99 $US est en route, et je vous préviendrai ici.'],
      ['pt', 'Feito: a devolução da encomenda #W1 foi pedida. Vai receber um e-mail com as instruções para enviar os artigos; assim que nos chegarem, o seu reembolso de 19,99 US$ segue a caminho, e aviso-o aqui.'],
    ];
    for (const [language, text] of expected) {
      it(`in ${language ?? 'English (no language yet)'}: ${text.slice(0, 40)}…`, () => {
        assert.equal(plain(returnRequested(speaking(language), '#W1', [{ amountCents: 1999 }])), text);
      });
    }
  });

  describe('the exchange confirmation', () => {
    const oneWithDifference: [string, RegExp][] = [
      ['en', /send the item back; once it reaches us, the new one ships and the price difference of \$4\.50 is refunded\.$/],
      ['de', /den Artikel zurücksenden; sobald er bei uns ankommt, wird der neue verschickt und die Preisdifferenz von 4,50 \$ erstattet\.$/],
      ['es', /devolver el artículo; en cuanto nos llegue, se enviará el nuevo y se reembolsará la diferencia de precio de 4,50 US\$\.$/],
      ['fr', /renvoyer l’article ; dès qu’il nous parvient, le nouveau est expédié et la différence de prix de 4,50 \$US est remboursée\.$/],
      ['pt', /devolver o artigo; assim que nos chegar, o novo é enviado e a diferença de preço de 4,50 US\$ é reembolsada\.$/],
    ];
    for (const [language, pattern] of oneWithDifference) {
      it(`of one item with a difference refunded, in ${language}`, () => {
        assert.match(plain(exchangeDone(speaking(language), '#W2', false, [{ amountCents: 450 }])), pattern);
      });
    }

    const severalEven: [string, string][] = [
      ['de', 'Erledigt: Der Umtausch für die Bestellung #W2 ist beantragt. Sie erhalten eine E-Mail, wie Sie die Artikel zurücksenden; sobald sie bei uns ankommen, werden die neuen verschickt.'],
      ['es', 'Hecho: el cambio del pedido #W2 está solicitado. Recibirá un correo electrónico con instrucciones para devolver los artículos; en cuanto nos lleguen, se enviarán los nuevos.'],
      ['fr', 'C’est fait : l’échange de la commande #W2 est demandé. Vous recevrez un e-mail expliquant comment renvoyer les articles ; dès qu’ils nous parviennent, les nouveaux sont expédiés.'],
      ['pt', 'Feito: a troca da encomenda #W2 foi pedida. Vai receber um e-mail com as instruções para devolver os artigos; assim que nos chegarem, os novos são enviados.'],
    ];
    for (const [language, text] of severalEven) {
      it(`of several items at the same price, in ${language}`, () => assert.equal(exchangeDone(speaking(language), '#W2', true, []), text));
    }

    it('keeps the English beside a Spanish exchange, amounts and all', () => {
      const state = speaking('es');
      const reply = exchangeDone(state, '#W2', true, [{ amountCents: 450 }]);
      assert.equal(
        englishOf(reply, state.spoken ?? []),
        'Done: the exchange for order #W2 is requested. You will get an e-mail on how to send the items back; once they reach us, the new ones ship and the price difference of $4.50 is refunded.',
      );
    });
  });

  describe('the tracking reply', () => {
    const facts = { orderId: '#W3', status: 'processed', itemNames: ['Desk Lamp', 'Desk Lamp', 'Mug'], trackingIds: ['123456789012', '987654321'] };
    const expected: [string | undefined, string][] = [
      [undefined, 'Order #W3 (Desk Lamp, Mug) has been processed and is on its way. Tracking numbers: 123456789012, 987654321.'],
      ['de', 'Die Bestellung #W3 (Desk Lamp, Mug) wurde bearbeitet und ist unterwegs. Sendungsnummern: 123456789012, 987654321.'],
      ['es', 'El pedido #W3 (Desk Lamp, Mug) se ha procesado y está en camino. Números de seguimiento: 123456789012, 987654321.'],
      ['fr', 'La commande #W3 (Desk Lamp, Mug) a été traitée et est en route. Numéros de suivi : 123456789012, 987654321.'],
      ['pt', 'A encomenda #W3 (Desk Lamp, Mug) foi processada e está a caminho. Números de seguimento: 123456789012, 987654321.'],
    ];
    for (const [language, text] of expected) {
      it(`in ${language ?? 'English'}, with the store's item names as they are`, () => {
        const state = speaking(language);
        assert.equal(describeOrderStatus(facts, (key, params) => say(state, key, params)), text);
      });
    }

    it('names a status it has no sentence for, in the language', () => {
      const state = speaking('fr');
      assert.equal(describeOrderStatus({ orderId: '#W3', status: 'lost at sea', itemNames: [], trackingIds: ['1'] }, (key, params) => say(state, key, params)), 'La commande #W3 a le statut « lost at sea ». Numéro de suivi : 1.');
    });
  });

  describe('the refund-status reply', () => {
    const facts = {
      refunds: [{ orderId: '#W4', amountCents: 123450, purpose: 'price_difference', status: 'refunded' }],
      awaitingParcel: [{ orderId: '#W5', status: 'return requested' }],
    };
    const expected: [string, RegExp][] = [
      ['en', /^The price difference refund of \$1234\.50 for order #W4 has been sent; .* Order #W5 has a return requested:/],
      ['de', /^Die Erstattung \(Preisdifferenz\) von 1234,50 \$ für die Bestellung #W4 wurde versendet; .* Für die Bestellung #W5 ist eine Rücksendung beantragt:/],
      ['es', /^El reembolso \(diferencia de precio\) de 1234,50 US\$ del pedido #W4 se ha enviado; .* El pedido #W5 tiene una devolución solicitada:/],
      ['fr', /^Le remboursement \(différence de prix\) de 1234,50 \$US pour la commande #W4 a été envoyé ; .* La commande #W5 fait l’objet d’une demande de retour :/],
      ['pt', /^O reembolso \(diferença de preço\) de 1234,50 US\$ da encomenda #W4 foi enviado; .* A encomenda #W5 tem uma devolução pedida:/],
    ];
    for (const [language, pattern] of expected) {
      it(`in ${language}`, () => {
        const state = speaking(language);
        assert.match(plain(describeRefunds(facts, (key, params) => say(state, key, params))), pattern);
      });
    }

    it('says there are none in German', () => {
      const state = speaking('de');
      assert.equal(describeRefunds({ refunds: [], awaitingParcel: [] }, (key, params) => say(state, key, params)), 'Ich sehe in Ihrem Konto keine Erstattungen.');
    });
  });

  describe('money that is late', () => {
    it('lists several delayed amounts with the language\'s "and", and keeps English callers English', () => {
      const refunds: RefundToMove[] = [
        { paymentMethodId: 'credit_card_1', amountCents: 1000, source: 'credit_card' },
        { paymentMethodId: 'paypal_2', amountCents: 250, source: 'paypal' },
      ];
      assert.match(plain(delayedRefundNote(refunds, speaking('fr'))), /^Le remboursement de 10,00 \$US et 2,50 \$US est retardé :/);
      assert.match(delayedRefundNote(refunds), /^The refund of \$10\.00 and \$2\.50 is delayed: our payment provider/);
    });

    it('formats one amount in the locale as a value, so its English stays exact', () => {
      const state = speaking('pt');
      const note = delayedRefundNote([{ paymentMethodId: 'paypal_2', amountCents: 250, source: 'paypal' }], state);
      assert.match(plain(note), /^O reembolso de 2,50 US\$ está atrasado/);
      assert.match(englishOf(note, state.spoken ?? []), /^The refund of \$2\.50 is delayed/);
      assert.deepEqual(amountsOf(state, [{ amountCents: 250 }]), { money: 250 });
    });
  });

  describe('asking again which one', () => {
    const options: ReplyOption[] = [
      { id: 'i1', label: 'Desk Lamp (red)' },
      { id: 'i2', label: 'Desk Lamp (blue)' },
      { id: 'i3', label: 'Tea Kettle' },
    ];
    const flow = (): OrderFlow => ({ kind: 'return_items', step: 'items' }) as OrderFlow;

    it('asks which of the fitting ones in German, with "oder"', () => {
      const reading = readMessage('the desk lamp', { plainWords: true, expecting: { options } });
      const picked = pickOne(flow(), reading, options, { awaiting: 'items', again: 'unused', what: 'items', state: speaking('de') });
      assert.equal(picked.reply?.replies[0]?.text, 'Darauf passt mehr als eine Möglichkeit. Welche meinen Sie: Desk Lamp (red) oder Desk Lamp (blue)?');
    });

    it('asks the same in English as it always has', () => {
      const reading = readMessage('the desk lamp', { plainWords: true, expecting: { options } });
      const picked = pickOne(flow(), reading, options, { awaiting: 'items', again: 'unused', what: 'items' });
      assert.equal(picked.reply?.replies[0]?.text, 'More than one fits that. Which one do you mean: Desk Lamp (red), or Desk Lamp (blue)?');
    });

    it('says in Spanish that none of the items fits a description', () => {
      const reading = readMessage('the green sofa', { plainWords: true, expecting: { options } });
      const picked = pickOne(flow(), reading, options, { awaiting: 'items', again: 'unused', what: 'items', state: speaking('es') });
      assert.equal(picked.reply?.replies[0]?.text, 'Ninguno de los artículos que puedo ofrecerle aquí encaja con esa descripción. Estos son los que hay:');
    });
  });
});
