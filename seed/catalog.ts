/** The demo store's products. Prices are in cents; a variant is available unless it says otherwise. */

export interface SeedVariant {
  itemId: string;
  /** Values for the product's option names, in the same order. */
  options: string[];
  priceCents: number;
  available?: false;
}

export interface SeedProduct {
  productId: string;
  name: string;
  optionNames: string[];
  variants: SeedVariant[];
}

export const CATALOG: SeedProduct[] = [
  {
    productId: '3326243794',
    name: 'Trail Running Shoes',
    optionNames: ['size', 'color', 'waterproof'],
    variants: [
      { itemId: '1274477279', options: ['9', 'slate', 'yes'], priceCents: 12900 },
      { itemId: '9504356357', options: ['10', 'slate', 'yes'], priceCents: 12900 },
      { itemId: '6466324576', options: ['10', 'ember', 'no'], priceCents: 10900 },
      { itemId: '6315670429', options: ['11', 'ember', 'no'], priceCents: 10900, available: false },
    ],
  },
  {
    productId: '2843902565',
    name: 'Rain Jacket',
    optionNames: ['size', 'color'],
    variants: [
      { itemId: '6422569667', options: ['S', 'navy'], priceCents: 8950 },
      { itemId: '8644308660', options: ['M', 'navy'], priceCents: 8950 },
      { itemId: '7799673120', options: ['L', 'olive'], priceCents: 9275 },
      { itemId: '3111188411', options: ['XL', 'olive'], priceCents: 9275, available: false },
    ],
  },
  {
    productId: '8833767787',
    name: 'Insulated Mug',
    optionNames: ['capacity', 'color'],
    variants: [
      { itemId: '9535648299', options: ['12oz', 'white'], priceCents: 2400 },
      { itemId: '6518046551', options: ['16oz', 'white'], priceCents: 2800 },
      { itemId: '5437526367', options: ['16oz', 'forest'], priceCents: 2800 },
    ],
  },
  {
    productId: '4765894937',
    name: 'Wireless Earbuds',
    optionNames: ['color', 'noise cancelling'],
    variants: [
      { itemId: '8139500642', options: ['black', 'yes'], priceCents: 14999 },
      { itemId: '3609688678', options: ['white', 'yes'], priceCents: 14999 },
      { itemId: '8163693430', options: ['black', 'no'], priceCents: 7999 },
    ],
  },
  {
    productId: '4321489288',
    name: 'Desk Lamp',
    optionNames: ['finish', 'brightness'],
    variants: [
      { itemId: '7007729616', options: ['brass', '800 lumens'], priceCents: 6450 },
      { itemId: '3829580116', options: ['matte black', '800 lumens'], priceCents: 5900 },
      { itemId: '5973260383', options: ['matte black', '1200 lumens'], priceCents: 7100, available: false },
    ],
  },
  {
    productId: '1394594157',
    name: 'Yoga Mat',
    optionNames: ['thickness', 'color'],
    variants: [
      { itemId: '1967663146', options: ['4mm', 'sage'], priceCents: 3800 },
      { itemId: '6020735102', options: ['6mm', 'sage'], priceCents: 4500 },
      { itemId: '7552794956', options: ['6mm', 'plum'], priceCents: 4500 },
    ],
  },
  {
    productId: '3589173276',
    name: 'Travel Backpack',
    optionNames: ['capacity', 'color', 'material'],
    variants: [
      { itemId: '1174981809', options: ['28L', 'charcoal', 'recycled nylon'], priceCents: 11900 },
      { itemId: '2176424086', options: ['35L', 'charcoal', 'recycled nylon'], priceCents: 13400 },
      { itemId: '6134265624', options: ['35L', 'sand', 'waxed canvas'], priceCents: 15800 },
      { itemId: '8580443706', options: ['45L', 'sand', 'waxed canvas'], priceCents: 17200, available: false },
    ],
  },
  {
    productId: '4208709939',
    name: 'French Press',
    optionNames: ['capacity', 'material'],
    variants: [
      { itemId: '2334550628', options: ['350ml', 'glass'], priceCents: 2999 },
      { itemId: '7690673848', options: ['1L', 'glass'], priceCents: 3999 },
      { itemId: '1829905705', options: ['1L', 'stainless steel'], priceCents: 5499 },
    ],
  },
  {
    productId: '5852231620',
    name: 'Smart Watch',
    optionNames: ['case size', 'color', 'band'],
    variants: [
      { itemId: '8490484782', options: ['41mm', 'silver', 'sport'], priceCents: 24900 },
      { itemId: '6335078614', options: ['45mm', 'silver', 'sport'], priceCents: 27900 },
      { itemId: '4539412891', options: ['45mm', 'graphite', 'leather'], priceCents: 31900 },
      { itemId: '3824563559', options: ['41mm', 'graphite', 'leather'], priceCents: 29900, available: false },
    ],
  },
  {
    productId: '2169169703',
    name: 'Throw Blanket',
    optionNames: ['size', 'material', 'color'],
    variants: [
      { itemId: '7550786933', options: ['50x60in', 'wool', 'oatmeal'], priceCents: 8900 },
      { itemId: '7818631259', options: ['60x80in', 'wool', 'oatmeal'], priceCents: 11900 },
      { itemId: '2964067646', options: ['50x60in', 'cotton', 'rust'], priceCents: 5400 },
    ],
  },
  {
    productId: '9279440339',
    name: 'Cast Iron Skillet',
    optionNames: ['diameter'],
    variants: [
      { itemId: '2024015648', options: ['8in'], priceCents: 2750 },
      { itemId: '2368581841', options: ['10in'], priceCents: 3450 },
      { itemId: '1053182780', options: ['12in'], priceCents: 4295 },
    ],
  },
  {
    productId: '3778807348',
    name: 'Board Game',
    optionNames: ['edition', 'language'],
    variants: [
      { itemId: '5489764099', options: ['standard', 'English'], priceCents: 3999 },
      { itemId: '1048188262', options: ['standard', 'Spanish'], priceCents: 3999 },
      { itemId: '8620758845', options: ['deluxe', 'English'], priceCents: 6999, available: false },
    ],
  },
];
