/**
 * The first reply rules: greetings, thanks, goodbyes, a request for a person, and a capability prompt
 * for everything else. The intent cascade (keyword rules → local model → LLM → human) replaces the
 * fallback; these rules stay as its highest-precision keyword tier.
 */
export interface DraftReply {
  text: string;
  intent: string;
  confidence: number;
  rule: string;
}

interface Rule {
  name: string;
  intent: string;
  pattern: RegExp;
  reply: string;
}

const RULES: readonly Rule[] = [
  {
    name: 'ask-for-human',
    intent: 'contact_human_agent',
    pattern: /\b(human|real person|live agent|(talk|speak) (to|with) (an? )?(agent|person|someone|representative))\b/i,
    reply: 'I understand you would like to talk to a person. I will pass your conversation to our support team with everything you have told me so far.',
  },
  {
    name: 'greeting',
    intent: 'greeting',
    pattern: /^\s*(hi|hello|hey|good (morning|afternoon|evening)|howdy)\b[\s!.,]*(there)?[\s!.,]*$/i,
    reply: 'Hello! I can help with your orders: tracking, cancelling or changing a pending order, returns, exchanges and refunds. What can I do for you?',
  },
  {
    name: 'thanks',
    intent: 'thanks',
    pattern: /^\s*(thanks?( you)?|thank you( so much| very much)?|cheers|ty)\b[\s!.,]*(a lot)?[\s!.,]*$/i,
    reply: 'You are welcome! Is there anything else I can help with?',
  },
  {
    name: 'goodbye',
    intent: 'goodbye',
    pattern: /^\s*(bye|goodbye|see you|that'?s all|nothing else)\b[\s!.,]*$/i,
    reply: 'Thank you for contacting us. Have a good day!',
  },
];

const ORDER_ID = /#?W\d{7}\b/i;

export function draftReply(customerText: string): DraftReply {
  for (const rule of RULES) {
    if (rule.pattern.test(customerText)) {
      return { text: rule.reply, intent: rule.intent, confidence: 1, rule: rule.name };
    }
  }
  const orderId = ORDER_ID.exec(customerText)?.[0];
  if (orderId) {
    const normalised = `#W${orderId.replace(/^#?W/i, '')}`;
    return {
      text: `Thanks, I have noted order ${normalised}. Before I can look into an order I need to confirm who you are: what is the e-mail address on your account?`,
      intent: 'order_inquiry',
      confidence: 0.6,
      rule: 'order-id-mentioned',
    };
  }
  return {
    text: 'I can help with tracking an order, cancelling or changing a pending order, returns, exchanges and refunds. Could you tell me a bit more about what you need?',
    intent: 'unknown',
    confidence: 0,
    rule: 'capabilities-prompt',
  };
}
