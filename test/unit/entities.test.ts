import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import {
  type CatalogueProduct,
  extractAddress,
  extractEmails,
  extractEntities,
  extractMoney,
  extractName,
  extractOrderIds,
  extractProducts,
  extractYesNo,
  extractZipCodes,
} from '../../domain/entities';

describe('order ids', () => {
  const cases: [string, string[]][] = [
    ['order #W1234567 please', ['#W1234567']],
    ['it is W7654321', ['#W7654321']],
    ['w2378156 and #W2378156 again', ['#W2378156']],
    ['two: #W1111111, #W2222222.', ['#W1111111', '#W2222222']],
    ['(#W3333333)', ['#W3333333']],
    ['AW1234567', []],
    ['W12345678 has eight digits', []],
    ['#W123456 has six', []],
    ['order 1234567', []],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the order ids are ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractOrderIds(text), expected);
    });
  }
});

describe('e-mails', () => {
  const cases: [string, string[]][] = [
    ['my email is Noah.Brown7922@Example.com.', ['noah.brown7922@example.com']],
    ['a+b@shop.co.uk or x_y@mail-host.io', ['a+b@shop.co.uk', 'x_y@mail-host.io']],
    ['not an email: user@localhost or @handle', []],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the e-mails are ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractEmails(text), expected);
    });
  }
});

describe('names', () => {
  const cases: [string, ReturnType<typeof extractName>][] = [
    ['My name is Yusuf Rossi', { first: 'Yusuf', last: 'Rossi' }],
    ['hi, my name is noah brown and my zip is 80279', { first: 'Noah', last: 'Brown' }],
    ["my name's Ana", { first: 'Ana' }],
    ['This is Mei Kovacs from Denver', { first: 'Mei', last: 'Kovacs' }],
    ['name: Sofia van der Berg', { first: 'Sofia', last: 'van der Berg' }],
    ['this is great', undefined],
    ['I am unhappy', undefined],
    ['where is my order', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the name is ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractName(text), expected);
    });
  }
});

describe('zip codes', () => {
  const cases: [string, string[]][] = [
    ['Noah Brown 80279', ['80279']],
    ['zip 80279-1234', ['80279']],
    ['Denver, CO 80279', ['80279']],
    ['$12345 is not a zip', []],
    ['12345.50 is not a zip', []],
    ['123456 and 1234 are not zips', []],
    ['order W1234567 or #W1234567', []],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the zip codes are ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractZipCodes(text), expected);
    });
  }
});

describe('money amounts', () => {
  const cases: [string, { amount: number; currency: string }[]][] = [
    ['it cost $49.99', [{ amount: 49.99, currency: 'USD' }]],
    ['$1,234.5 in total', [{ amount: 1234.5, currency: 'USD' }]],
    ['refund 20 dollars', [{ amount: 20, currency: 'USD' }]],
    ['USD 15 and €9.99', [{ amount: 15, currency: 'USD' }, { amount: 9.99, currency: 'EUR' }]],
    ['£3 fee', [{ amount: 3, currency: 'GBP' }]],
    ['order W1234567 for 2 items', []],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the amounts are ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(
        extractMoney(text).map(({ amount, currency }) => ({ amount, currency })),
        expected,
      );
    });
  }
});

describe('one-line addresses', () => {
  const cases: [string, ReturnType<typeof extractAddress>][] = [
    [
      '986 Sunset Drive, Suite 259, Denver, CO 80279, USA',
      { address1: '986 Sunset Drive', address2: 'Suite 259', city: 'Denver', state: 'CO', zip: '80279', country: 'USA' },
    ],
    ['ship it to 12 Elm St, Austin TX 78701', { address1: '12 Elm St', address2: '', city: 'Austin', state: 'TX', zip: '78701', country: 'USA' }],
    [
      'my new address is 5 Lake St, Apt 2, Chicago, il 60601, United States.',
      { address1: '5 Lake St', address2: 'Apt 2', city: 'Chicago', state: 'IL', zip: '60601', country: 'USA' },
    ],
    ['hello, how are you, TX 78701', undefined],
    ['12 Elm St, Austin, ZZ 78701', undefined],
    ['just a street, 12 Elm St', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the address is ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractAddress(text), expected);
    });
  }
});

describe('European one-line addresses, written the customer\'s way', () => {
  const at = (address1: string, address2: string, zip: string, city: string, country: string) => ({ address1, address2, city, state: '', zip, country });
  const cases: [string, ReturnType<typeof extractAddress>][] = [
    ['Hauptstraße 5, 10115 Berlin', at('Hauptstraße 5', '', '10115', 'Berlin', 'Germany')],
    ['Meine neue Adresse ist Hauptstraße 5, Hinterhaus, 10115 Berlin, Deutschland.', at('Hauptstraße 5', 'Hinterhaus', '10115', 'Berlin', 'Germany')],
    ['Unter den Linden 5, 10117 Berlin', at('Unter den Linden 5', '', '10117', 'Berlin', 'Germany')],
    ['Bahnhofstrasse 1, 8001 Zürich, Schweiz', at('Bahnhofstrasse 1', '', '8001', 'Zürich', 'Switzerland')],
    ['Calle Mayor 12, 3º B, 28013 Madrid', at('Calle Mayor 12', '3º B', '28013', 'Madrid', 'Spain')],
    ['Mi nueva dirección es Calle Mayor, 12, 3º B, 28013 Madrid, España', at('Calle Mayor, 12', '3º B', '28013', 'Madrid', 'Spain')],
    ['12 rue de la Paix, 75002 Paris', at('12 rue de la Paix', '', '75002', 'Paris', 'France')],
    ['Ma nouvelle adresse est 12 rue de la Paix, 75002 Paris, France', at('12 rue de la Paix', '', '75002', 'Paris', 'France')],
    ['Rua Augusta 100, 1100-053 Lisboa', at('Rua Augusta 100', '', '1100-053', 'Lisboa', 'Portugal')],
    ['A minha nova morada é Rua Augusta 100, 2º Esq., 1100-053 Lisboa, Portugal', at('Rua Augusta 100', '2º Esq.', '1100-053', 'Lisboa', 'Portugal')],
    ['Avenida da Liberdade 10, Lisboa 1250-096', at('Avenida da Liberdade 10', '', '1250-096', 'Lisboa', 'Portugal')],
    ['Kirchweg 3, 33602 Bielefeld, Alemania', at('Kirchweg 3', '', '33602', 'Bielefeld', 'Germany')],
    // A country named in another language than the address's own still reads; its postcode must fit it.
    ['Hauptstraße 5, 1011 Berlin', undefined],
    ['Hauptstraße 5, 10115 Berlin, Portugal', undefined],
    // Without a state, an address in the US format's shape is not a European one.
    ['12 Elm St, 78701 Austin', undefined],
    ['hello, how are you, 12345 Berlin', undefined],
    ['Calle Mayor, 28013 Madrid', undefined],
    ['986 Sunset Drive, Denver, CO 80279, Estados Unidos', { address1: '986 Sunset Drive', address2: '', city: 'Denver', state: 'CO', zip: '80279', country: 'USA' }],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the address is ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(extractAddress(text), expected);
    });
  }
});

describe('products and items', () => {
  const catalogue: CatalogueProduct[] = [
    {
      productId: '9523456873',
      name: 'T-Shirt',
      items: [
        { itemId: '9612497925', options: { color: 'blue', size: 'M' } },
        { itemId: '8124970213', options: { color: 'purple', size: 'XL' } },
        { itemId: '5253880258', options: { color: 'blue', size: 'XXL' } },
      ],
    },
    { productId: '6817146515', name: 'Desk Lamp', items: [{ itemId: '7624783998', options: { color: 'white' } }] },
  ];
  const cases: [string, { productId: string; itemIds: string[] }[]][] = [
    ['exchange my blue M tshirt', [{ productId: '9523456873', itemIds: ['9612497925'] }]],
    ['the blue t-shirts', [{ productId: '9523456873', itemIds: ['9612497925', '5253880258'] }]],
    ['item 8124970213 please', [{ productId: '9523456873', itemIds: ['8124970213'] }]],
    ['two desk lamps and a T-Shirt', [{ productId: '9523456873', itemIds: [] }, { productId: '6817146515', itemIds: [] }]],
    ['a lamp and a shirt', []],
    ['order 1234567890', []],
  ];
  for (const [text, expected] of cases) {
    it(`when the text is "${text}", then the mentions are ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(
        extractProducts(text, catalogue).map(({ productId, itemIds }) => ({ productId, itemIds })),
        expected,
      );
    });
  }
});

describe('yes / no', () => {
  const cases: [string, 'yes' | 'no' | undefined][] = [
    ['yes', 'yes'],
    ['Yes please', 'yes'],
    ['yeah, go ahead', 'yes'],
    ['Sure!', 'yes'],
    ["that's right", 'yes'],
    ['no', 'no'],
    ['No thanks', 'no'],
    ['nope', 'no'],
    ["don't do it", 'no'],
    ['never mind', 'no'],
    ['not sure', undefined],
    ['maybe', undefined],
    ['yes but wait', undefined],
    ['I want to return the shoes', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`when the answer is "${text}", then it reads as ${String(expected)}`, () => {
      assert.equal(extractYesNo(text), expected);
    });
  }
});

describe('every entity at once', () => {
  it('when a message carries several entities, then each is found', () => {
    const e = extractEntities('My name is Noah Brown, email noah@example.com, order w7678072, zip 80279. Yes.');
    assert.deepEqual(e.orderIds, ['#W7678072']);
    assert.deepEqual(e.emails, ['noah@example.com']);
    assert.deepEqual(e.name, { first: 'Noah', last: 'Brown' });
    assert.deepEqual(e.zipCodes, ['80279']);
    assert.equal(e.yesNo, undefined);
    assert.deepEqual(e.products, []);
  });
});
