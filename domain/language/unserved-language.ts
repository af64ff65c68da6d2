/**
 * The one message a customer gets when they write in a language the product cannot serve (no LLM,
 * not one of the served five): in their language when we have it, before a person who speaks it
 * takes over. Written for this product; English for any language not listed.
 */
const PASSING_ON: Record<string, string> = {
  en: "Sorry, I can't answer in your language myself. A colleague who speaks it will take over here shortly.",
  it: 'Mi dispiace, non posso rispondere nella sua lingua. Un collega che la parla la aiuterà qui a breve.',
  nl: 'Sorry, ik kan zelf niet in uw taal antwoorden. Een collega die uw taal spreekt, neemt het hier zo over.',
  pl: 'Przepraszam, nie mogę sam odpowiedzieć w Twoim języku. Wkrótce przejmie rozmowę konsultant, który nim mówi.',
  sv: 'Tyvärr kan jag inte svara på ditt språk själv. En kollega som talar det tar över här inom kort.',
  da: 'Beklager, jeg kan ikke selv svare på dit sprog. En kollega, der taler det, overtager her om lidt.',
  no: 'Beklager, jeg kan ikke svare på ditt språk selv. En kollega som snakker det, tar over her om litt.',
  fi: 'Valitettavasti en voi itse vastata kielelläsi. Kieltäsi puhuva kollega jatkaa tässä pian.',
  tr: 'Üzgünüm, kendi dilinizde yanıt veremiyorum. Dilinizi konuşan bir meslektaşım birazdan burada devralacak.',
  cs: 'Omlouvám se, sám nemohu odpovědět ve vašem jazyce. Brzy to zde převezme kolega, který jím mluví.',
  ro: 'Îmi pare rău, nu pot răspunde eu în limba dumneavoastră. Un coleg care o vorbește vă va prelua aici în curând.',
  hu: 'Sajnálom, a saját nyelvén nem tudok válaszolni. Hamarosan átveszi egy kolléga, aki beszéli.',
  el: 'Λυπάμαι, δεν μπορώ να απαντήσω ο ίδιος στη γλώσσα σας. Σύντομα θα σας εξυπηρετήσει εδώ ένας συνάδελφος που τη μιλά.',
  ru: 'Извините, я не могу ответить на вашем языке. Скоро здесь подключится коллега, который на нём говорит.',
  uk: 'Вибачте, я не можу відповісти вашою мовою. Незабаром тут підключиться колега, який нею розмовляє.',
  ar: 'عذرًا، لا أستطيع الرد بلغتك بنفسي. سيتولى زميل يتحدثها المحادثة هنا قريبًا.',
  he: 'מצטערים, איני יכול לענות בשפתך בעצמי. עמית שמדבר אותה ימשיך כאן בקרוב.',
  hi: 'क्षमा करें, मैं स्वयं आपकी भाषा में उत्तर नहीं दे सकता। आपकी भाषा बोलने वाले सहयोगी जल्द ही यहाँ बात आगे बढ़ाएँगे।',
  ja: '申し訳ありませんが、私はお客様の言語でお答えできません。その言語を話す担当者がまもなくこちらで対応いたします。',
  ko: '죄송합니다. 제가 직접 고객님의 언어로 답변드릴 수 없습니다. 고객님의 언어를 구사하는 동료가 곧 이어서 도와드리겠습니다.',
  zh: '抱歉，我无法用您的语言回复。一位会说该语言的同事很快会在这里为您服务。',
  vi: 'Xin lỗi, tôi không thể tự trả lời bằng ngôn ngữ của bạn. Một đồng nghiệp nói ngôn ngữ này sẽ sớm hỗ trợ bạn tại đây.',
  id: 'Maaf, saya tidak dapat menjawab dalam bahasa Anda. Rekan yang menguasai bahasa Anda akan segera melanjutkan di sini.',
  th: 'ขออภัย ฉันไม่สามารถตอบเป็นภาษาของคุณได้ เพื่อนร่วมงานที่พูดภาษานี้จะดูแลคุณที่นี่ในไม่ช้า',
};

/** The message in `language` when we have it, else in English; `language` says which one was used. */
export function passingOnMessage(language: string | undefined): { text: string; language: string } {
  const text = language ? PASSING_ON[language] : undefined;
  return text ? { text, language: language as string } : { text: PASSING_ON.en as string, language: 'en' };
}

export const LANGUAGES_WITH_A_PASSING_ON_MESSAGE = Object.keys(PASSING_ON);
