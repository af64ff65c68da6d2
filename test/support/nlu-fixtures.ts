import type { Example } from '../../nlu/csv';

/** A tiny hand-written data set: enough for a model to separate four intents and out-of-scope text. */
export function tinyExamples(): Example[] {
  const data: Record<string, string[]> = {
    track_order: [
      'where is my order',
      'track my package',
      'has my order shipped',
      'when will my parcel arrive',
      'what is the status of my order',
      'where is my delivery',
      'is my order on its way',
      'tracking number for my order',
    ],
    cancel_order: [
      'cancel my order',
      'please cancel the order',
      'I want to cancel my purchase',
      'stop my order',
      'cancel order W1234567',
      'I no longer want this order, cancel it',
      'can you cancel my order please',
      'undo my order',
    ],
    get_refund: [
      'I want a refund',
      'give me my money back',
      'refund my purchase',
      'I would like a refund please',
      'can I get my money back',
      'please refund me',
      'I need a refund for the broken item',
      'money back please',
    ],
    greeting: ['hello', 'hi', 'hey there', 'good morning', 'hi there', 'hello again', 'hey', 'good evening'],
    oos: [
      'what is the weather today',
      'tell me a joke',
      'who won the game',
      'how tall is the eiffel tower',
      'play some music',
      'what time is it in tokyo',
      'recommend a movie',
      'how do I bake bread',
    ],
  };
  return Object.entries(data).flatMap(([label, texts]) => texts.map((text) => ({ text, label })));
}
