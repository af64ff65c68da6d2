import type { Catalogue } from '../catalogue';

/** The help centre: the line citing an article under a quoted passage, and the words of its pages (api/routes/help-centre.ts). */
export const KNOWLEDGE_MESSAGES = {
  'Source: {title} ({url})': {
    de: 'Quelle: {title} ({url})',
    es: 'Fuente: {title} ({url})',
    fr: 'Source : {title} ({url})',
    pt: 'Fonte: {title} ({url})',
  },
  'Help centre': { de: 'Hilfe-Center', es: 'Centro de ayuda', fr: 'Centre d’aide', pt: 'Centro de ajuda' },
  'All articles': { de: 'Alle Artikel', es: 'Todos los artículos', fr: 'Tous les articles', pt: 'Todos os artigos' },
  'Article not found': { de: 'Artikel nicht gefunden', es: 'Artículo no encontrado', fr: 'Article introuvable', pt: 'Artigo não encontrado' },
  'There is no help centre article “{id}”.': {
    de: 'Es gibt keinen Artikel „{id}“ im Hilfe-Center.',
    es: 'No hay ningún artículo «{id}» en el centro de ayuda.',
    fr: 'Il n’y a pas d’article « {id} » dans le centre d’aide.',
    pt: 'Não existe nenhum artigo «{id}» no centro de ajuda.',
  },
  'This article in other languages:': {
    de: 'Dieser Artikel in anderen Sprachen:',
    es: 'Este artículo en otros idiomas:',
    fr: 'Cet article dans d’autres langues :',
    pt: 'Este artigo noutras línguas:',
  },
} as const satisfies Catalogue;
