import type { Catalogue } from '../catalogue';

/**
 * Changing an order's delivery address or the account's default one (flows/steps/address.ts). The
 * example address in each language is written the way that country writes one.
 */
export const ADDRESS_MESSAGES = {
  'What is the new delivery address for order {orderId}? Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.': {
    de: 'Wie lautet die neue Lieferadresse für die Bestellung {orderId}? Bitte schreiben Sie sie in eine Zeile, zum Beispiel: Hauptstraße 5, 10115 Berlin, Deutschland.',
    es: '¿Cuál es la nueva dirección de entrega del pedido {orderId}? Escríbala en una sola línea, por ejemplo: Calle Mayor 12, 3º B, 28013 Madrid, España.',
    fr: 'Quelle est la nouvelle adresse de livraison de la commande {orderId} ? Veuillez l’écrire sur une seule ligne, par exemple : 12 rue de la Paix, 75002 Paris, France.',
    pt: 'Qual é a nova morada de entrega da encomenda {orderId}? Escreva-a numa só linha, por exemplo: Rua Augusta 100, 1100-053 Lisboa, Portugal.',
  },
  'What is your new default address? Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.': {
    de: 'Wie lautet Ihre neue Standardadresse? Bitte schreiben Sie sie in eine Zeile, zum Beispiel: Hauptstraße 5, 10115 Berlin, Deutschland.',
    es: '¿Cuál es su nueva dirección predeterminada? Escríbala en una sola línea, por ejemplo: Calle Mayor 12, 3º B, 28013 Madrid, España.',
    fr: 'Quelle est votre nouvelle adresse par défaut ? Veuillez l’écrire sur une seule ligne, par exemple : 12 rue de la Paix, 75002 Paris, France.',
    pt: 'Qual é a sua nova morada predefinida? Escreva-a numa só linha, por exemplo: Rua Augusta 100, 1100-053 Lisboa, Portugal.',
  },
  'I could not read that as an address. Please write it on one line, for example: 12 Main Street, Apt 4, Springfield, IL 62704, USA.': {
    de: 'Das konnte ich nicht als Adresse lesen. Bitte schreiben Sie sie in eine Zeile, zum Beispiel: Hauptstraße 5, 10115 Berlin, Deutschland.',
    es: 'No he podido leer eso como una dirección. Escríbala en una sola línea, por ejemplo: Calle Mayor 12, 3º B, 28013 Madrid, España.',
    fr: 'Je n’ai pas pu lire cela comme une adresse. Veuillez l’écrire sur une seule ligne, par exemple : 12 rue de la Paix, 75002 Paris, France.',
    pt: 'Não consegui ler isso como uma morada. Escreva-a numa só linha, por exemplo: Rua Augusta 100, 1100-053 Lisboa, Portugal.',
  },
  'All right, the address stays as it is. Anything else I can do?': {
    de: 'In Ordnung, die Adresse bleibt, wie sie ist. Kann ich sonst noch etwas für Sie tun?',
    es: 'De acuerdo, la dirección se queda como está. ¿Puedo ayudarle en algo más?',
    fr: 'Très bien, l’adresse reste telle quelle. Puis-je faire autre chose pour vous ?',
    pt: 'Muito bem, a morada fica como está. Posso ajudar em mais alguma coisa?',
  },
  'Done: order {orderId} will be delivered to {address}.': {
    de: 'Erledigt: Die Bestellung {orderId} wird an {address} geliefert.',
    es: 'Hecho: el pedido {orderId} se entregará en {address}.',
    fr: 'C’est fait : la commande {orderId} sera livrée à l’adresse {address}.',
    pt: 'Feito: a encomenda {orderId} será entregue em {address}.',
  },
  'Done: your default address is now {address}.': {
    de: 'Erledigt: Ihre Standardadresse ist jetzt {address}.',
    es: 'Hecho: su dirección predeterminada es ahora {address}.',
    fr: 'C’est fait : votre adresse par défaut est désormais {address}.',
    pt: 'Feito: a sua morada predefinida é agora {address}.',
  },
} as const satisfies Catalogue;
