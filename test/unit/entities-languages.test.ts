import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { extractName, extractYesNo, extractZipCodes, foldAccents } from '../../domain/entities';
import { readCancelReason } from '../../domain/understanding/reasons';
import { wantsToStop } from '../../domain/dialogue/leaving-a-flow';
import { CANCEL_REASONS } from '../../domain/policy';
import { chooseOption } from '../../domain/dialogue/choose-option';
import { chooseOptions } from '../../domain/dialogue/choose-options';
import { resolveChoices } from '../../domain/understanding/descriptions';

const [NO_LONGER_NEEDED, BY_MISTAKE] = CANCEL_REASONS;

const YES_NO: Record<string, [string, 'yes' | 'no' | undefined][]> = {
  de: [
    ['Ja', 'yes'],
    ['ja, bitte', 'yes'],
    ['Genau', 'yes'],
    ['klar, mach das', 'yes'],
    ['Einverstanden', 'yes'],
    ['Nein', 'no'],
    ['nee', 'no'],
    ['Lieber nicht', 'no'],
    ['Ja, aber nur die Schuhe', undefined],
    ['Vielleicht', undefined],
    ['Ich weiß nicht', undefined],
  ],
  es: [
    ['Sí', 'yes'],
    ['si', 'yes'],
    ['sí, por favor', 'yes'],
    ['Claro', 'yes'],
    ['Vale', 'yes'],
    ['De acuerdo', 'yes'],
    ['No', 'no'],
    ['no, gracias', 'no'],
    ['Mejor no', 'no'],
    ['Si puedes, cámbialo', undefined], // "si" as "if"
    ['Sí, pero no el cargador', undefined],
    ['Quizás', undefined],
    ['No sé', undefined],
  ],
  fr: [
    ['Oui', 'yes'],
    ["D'accord", 'yes'],
    ['ouais', 'yes'],
    ['Bien sûr', 'yes'],
    ['Exactement', 'yes'],
    ['Non', 'no'],
    ['non merci', 'no'],
    ['Pas du tout', 'no'],
    ['Si possible, la bleue', undefined],
    ['Oui, mais pas maintenant', undefined],
    ['Peut-être', undefined],
  ],
  pt: [
    ['Sim', 'yes'],
    ['Pode ser', 'yes'],
    ['Claro', 'yes'],
    ['Isso mesmo', 'yes'],
    ['Com certeza', 'yes'],
    ['Não', 'no'],
    ['nao', 'no'],
    ['De jeito nenhum', 'no'],
    ['Sim, mas só o casaco', undefined],
    ['Talvez', undefined],
    ['Não sei', undefined],
  ],
};

const NAMES: Record<string, [string, { first: string; last?: string } | undefined, string[]][]> = {
  de: [
    ['Ich heiße Anna Schmidt, PLZ 10115', { first: 'Anna', last: 'Schmidt' }, ['10115']],
    ['mein name ist jan koch und meine plz ist 80331', { first: 'Jan', last: 'Koch' }, ['80331']],
    ['Anna Schmidt, 10115', { first: 'Anna', last: 'Schmidt' }, ['10115']],
    ['Ich bin Neukunde, PLZ 10115', undefined, ['10115']],
  ],
  es: [
    ['Me llamo Lucía García y mi código postal es 28013', { first: 'Lucía', last: 'García' }, ['28013']],
    ['mi nombre es pablo ruiz, cp 08001', { first: 'Pablo', last: 'Ruiz' }, ['08001']],
    ['Soy Marta López, 41001', { first: 'Marta', last: 'López' }, ['41001']],
    ['soy cliente desde hace años', undefined, []],
  ],
  fr: [
    ["Je m'appelle Claire Martin, code postal 75002", { first: 'Claire', last: 'Martin' }, ['75002']],
    ['je m’appelle luc bernard et mon code postal est 69001', { first: 'Luc', last: 'Bernard' }, ['69001']],
    ['Claire Martin, 75002', { first: 'Claire', last: 'Martin' }, ['75002']],
    ['je suis très déçu', undefined, []],
  ],
  pt: [
    ['Chamo-me João Silva, código postal 1100-053', { first: 'João', last: 'Silva' }, ['1100-053']],
    ['o meu nome é ana costa e o meu código postal é 4050-262', { first: 'Ana', last: 'Costa' }, ['4050-262']],
    ['Maria de Sousa, 3000-123', { first: 'Maria', last: 'de Sousa' }, ['3000-123']],
    ['Me chamo Rita Santos', { first: 'Rita', last: 'Santos' }, []],
  ],
};

const REASONS: Record<string, [string, string | undefined][]> = {
  de: [
    ['Brauche ich nicht mehr', NO_LONGER_NEEDED],
    ['Ich habe es mir anders überlegt', NO_LONGER_NEEDED],
    ['aus Versehen bestellt', BY_MISTAKE],
    ['Ich habe doppelt bestellt', BY_MISTAKE],
  ],
  es: [
    ['Ya no lo necesito', NO_LONGER_NEEDED],
    ['cambié de opinión', NO_LONGER_NEEDED],
    ['Lo pedí por error', BY_MISTAKE],
    ['lo pedi sin querer', BY_MISTAKE],
  ],
  fr: [
    ["Je n'en ai plus besoin", NO_LONGER_NEEDED],
    ["J'ai changé d'avis", NO_LONGER_NEEDED],
    ['Commandé par erreur', BY_MISTAKE],
    ['je me suis trompée de taille', BY_MISTAKE],
  ],
  pt: [
    ['Não preciso mais', NO_LONGER_NEEDED],
    ['Mudei de ideia', NO_LONGER_NEEDED],
    ['Encomendei por engano', BY_MISTAKE],
    ['comprei sem querer', BY_MISTAKE],
  ],
};

const STOPS: Record<string, [string, boolean][]> = {
  de: [
    ['Vergiss es', true],
    ['vergessen Sie es bitte', true],
    ['Lass gut sein', true],
    ['nein danke', true],
    ['egal welche Farbe', false],
    ['Lassen Sie mich überlegen', false],
  ],
  es: [
    ['Déjalo', true],
    ['olvídalo', true],
    ['No, gracias', true],
    ['Dejalo así, no hace falta', true],
    ['da igual cuál', false],
    ['para el pedido W1234567', false],
  ],
  fr: [
    ['Laisse tomber', true],
    ['laissez tomber, merci', true],
    ['Oubliez ça', true],
    ['non merci', true],
    ['peu importe laquelle', false],
    ["Laissez-moi vérifier", false],
  ],
  pt: [
    ['Esquece', true],
    ['esqueça isso', true],
    ['Deixa pra lá', true],
    ['não, obrigado', true],
    ['para a minha encomenda', false],
    ['Deixa-me ver', false],
  ],
};

describe('entities in German, Spanish, French and Portuguese', () => {
  for (const lang of ['de', 'es', 'fr', 'pt']) {
    describe(lang, () => {
      for (const [text, expected] of YES_NO[lang] ?? []) {
        it(`when the customer answers "${text}", then it reads as ${expected ?? 'neither yes nor no'}`, () => {
          assert.equal(extractYesNo(text), expected);
        });
      }
      for (const [text, name, zips] of NAMES[lang] ?? []) {
        it(`when the customer writes "${text}", then the name is ${name ? `${name.first} ${name.last ?? ''}`.trim() : 'not read'} and the postcodes are [${zips.join(', ')}]`, () => {
          assert.deepEqual(extractName(text), name);
          assert.deepEqual(extractZipCodes(text), zips);
        });
      }
      for (const [text, reason] of REASONS[lang] ?? []) {
        it(`when the customer gives "${text}" as the reason, then it reads as "${reason}"`, () => {
          assert.equal(readCancelReason(text), reason);
        });
      }
      for (const [text, stops] of STOPS[lang] ?? []) {
        it(`when the customer writes "${text}" inside a flow, then ${stops ? 'they drop it' : 'the flow goes on'}`, () => {
          assert.equal(wantsToStop(text), stops);
        });
      }
    });
  }

  it('when English answers are read, then the other languages change nothing', () => {
    assert.equal(extractYesNo('yes'), 'yes');
    assert.equal(extractYesNo('no'), 'no');
    assert.equal(extractYesNo('non-refundable?'), undefined);
    assert.equal(extractYesNo('nee help to switch to the Freemium account'), undefined);
    assert.equal(extractYesNo('maybe'), undefined);
    assert.deepEqual(extractName("I'm Noah Brown, zip 19122"), { first: 'Noah', last: 'Brown' });
    assert.equal(readCancelReason('I ordered it by mistake'), BY_MISTAKE);
    assert.equal(readCancelReason("I don't need it and I ordered it by mistake"), undefined);
    assert.equal(wantsToStop('never mind'), true);
  });

  it('when a reason is given in two languages that disagree, then no reason is read', () => {
    assert.equal(readCancelReason('Ya no lo necesito, I ordered it by mistake'), undefined);
    assert.equal(readCancelReason('ya no lo necesito, I no longer need it'), NO_LONGER_NEEDED);
  });

  it('when Portuguese postcodes sit beside phone numbers and amounts, then only the postcodes are read', () => {
    assert.deepEqual(extractZipCodes('código postal 1100-053, telefone +351 912-345-678'), ['1100-053']);
    assert.deepEqual(extractZipCodes('ligue 0800-123 4567'), []);
    assert.deepEqual(extractZipCodes('zip 94110-1234'), ['94110']);
    assert.equal(foldAccents('Não, obrigado'), 'nao, obrigado');
  });

  describe('picking among offered options', () => {
    const orders = [
      { id: '#W1000001', label: '#W1000001: Lamp' },
      { id: '#W1000002', label: '#W1000002: Kettle' },
      { id: '#W1000003', label: '#W1000003: Backpack' },
    ];
    const POSITIONS: [string, string | undefined][] = [
      ['die zweite', '#W1000002'],
      ['Die letzte bitte', '#W1000003'],
      ['la primera', '#W1000001'],
      ['el último', '#W1000003'],
      ['la deuxième', '#W1000002'],
      ['le dernier', '#W1000003'],
      ['a terceira', '#W1000003'],
      ['o primeiro', '#W1000001'],
      ['la seconde, celle avec Kettle', '#W1000002'],
      ['quero o segundo pedido', '#W1000002'],
    ];
    for (const [text, id] of POSITIONS) {
      it(`when the customer answers "${text}", then ${id ?? 'no option'} is picked`, () => {
        assert.equal(chooseOption(text, orders)?.id, id);
      });
    }
    for (const text of ['alle', 'Todos', 'tous', 'as duas', 'beide']) {
      it(`when the customer answers "${text}", then every option is picked`, () => {
        assert.equal(chooseOptions(text, orders)?.length, 3);
        const all = resolveChoices(text, orders);
        assert.equal(all.kind === 'all' ? all.options.length : 0, 3);
      });
    }
    it('when an English answer names a position, then it is read as before', () => {
      assert.equal(chooseOption('the second one', orders)?.id, '#W1000002');
      assert.equal(chooseOption('last', orders)?.id, '#W1000003');
      assert.equal(chooseOptions('alles klar', orders), undefined);
    });
  });
});
