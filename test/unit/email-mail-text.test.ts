import assert from 'node:assert/strict';
import { describe, it } from 'mocha';
import { whyNotAMail, whyNotToAnswer } from '../../channels/email/mail-checks';
import { MAX_MESSAGE_CHARS } from '../../domain/message-validation';
import { attachmentNote, transcriptTextOf, escapeHtml, mailBodies, newTextOf, optionPickedByNumber, replySubject } from '../../channels/email/mail-text';

describe('newTextOf (quoted history and signatures cut)', () => {
  const table: [string, string, string][] = [
    ['plain text stays', 'Where is my order #W1000001?', 'Where is my order #W1000001?'],
    ['> lines go', 'Yes please\n\n> Shall I cancel it?\n> 1. Yes', 'Yes please'],
    ['a Gmail attribution and everything after it', 'Thanks!\n\nOn Tue, 1 Dec 2026 at 10:00, Support <support@example.com> wrote:\n> Your order has shipped.', 'Thanks!'],
    ['a wrapped Gmail attribution', 'Great\n\nOn Tue, 1 Dec 2026 at 10:00, Open Support\n<support@example.com> wrote:\n> hi', 'Great'],
    ['Outlook\'s original message block', '2\n\n-----Original Message-----\nFrom: Support\nSent: Tuesday\nSubject: Re: order', '2'],
    ['Outlook\'s From/Sent header block', 'Cancel it\n\n________________________________\nFrom: Support <support@example.com>\nSent: Tuesday, December 1, 2026\nTo: me', 'Cancel it'],
    ['a German attribution', 'Ja bitte\n\nAm 01.12.2026 um 10:00 schrieb Support <support@example.com>:\n> Frage', 'Ja bitte'],
    ['a French attribution', 'Oui\n\nLe mar. 1 déc. 2026 à 10:00, Support <support@example.com> a écrit :\n> Question', 'Oui'],
    ['a Spanish attribution', 'Sí\n\nEl mar, 1 dic 2026 a las 10:00, Support escribió:\n> Pregunta', 'Sí'],
    ['the "-- " signature', 'Where is my parcel?\n\n-- \nJane Doe\nACME Ltd', 'Where is my parcel?'],
    ['a phone footer', 'Track my order please\n\nSent from my iPhone', 'Track my order please'],
    ['CRLF line ends', 'Hello\r\n\r\n> old\r\n', 'Hello'],
    ['a line starting with "On" that is not an attribution stays', 'On Monday I ordered a lamp.\nIt has not arrived.', 'On Monday I ordered a lamp.\nIt has not arrived.'],
  ];
  for (const [name, body, expected] of table) {
    it(`when ${name}, then the new text is ${JSON.stringify(expected)}`, () => {
      assert.equal(newTextOf(body), expected);
    });
  }
});

describe('optionPickedByNumber', () => {
  const offered = [
    { id: 'yes', label: 'Yes, cancel it' },
    { id: 'no', label: 'No, keep it' },
  ];
  const table: [string, string | undefined][] = [
    ['1', 'yes'],
    ['2', 'no'],
    ['2.', 'no'],
    ['#2', 'no'],
    ['2)\nthanks', 'no'],
    ['option 1', 'yes'],
    ['3', undefined],
    ['0', undefined],
    ['2 please cancel order 7', undefined],
    ['yes', undefined],
  ];
  for (const [answer, id] of table) {
    it(`when the answer is ${JSON.stringify(answer)}, then the option is ${id ?? 'none'}`, () => {
      assert.equal(optionPickedByNumber(answer, offered)?.id, id);
    });
  }
  it('when nothing was offered, then a number picks nothing', () => {
    assert.equal(optionPickedByNumber('1', undefined), undefined);
    assert.equal(optionPickedByNumber('1', []), undefined);
  });
});

describe('mail bodies', () => {
  it('when options are offered, then the text numbers them and the HTML lists them, every character escaped', () => {
    const { text, html } = mailBodies(['Shall I cancel <b>#W1</b> & refund?'], [
      { id: 'yes', label: 'Yes, "cancel" it' },
      { id: 'no', label: "No <script>alert('x')</script>" },
    ]);
    assert.equal(text, 'Shall I cancel <b>#W1</b> & refund?\n\n1. Yes, "cancel" it\n2. No <script>alert(\'x\')</script>\n\nReply with the number of your choice.\n');
    assert.ok(html.includes('<p>Shall I cancel &lt;b&gt;#W1&lt;/b&gt; &amp; refund?</p>'));
    assert.ok(html.includes('<ol><li>Yes, &quot;cancel&quot; it</li><li>No &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</li></ol>'));
    assert.ok(!html.includes('<script>'));
  });
  it('when there are no options, then there is no list', () => {
    const { text, html } = mailBodies(['Line one\nline two'], []);
    assert.equal(text, 'Line one\nline two\n');
    assert.ok(html.includes('<p>Line one<br>line two</p>'));
    assert.ok(!html.includes('<ol>'));
  });
  it('escapeHtml escapes the five characters HTML gives meaning to', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
  it('replySubject adds one Re:', () => {
    assert.equal(replySubject('Where is my order'), 'Re: Where is my order');
    assert.equal(replySubject('Re: Where is my order'), 'Re: Where is my order');
    assert.equal(replySubject('AW: Bestellung'), 'AW: Bestellung');
    assert.equal(replySubject('  '), 'Re: your message to support');
    assert.equal(replySubject('a\r\nBcc: x@evil.example'), 'Re: a Bcc: x@evil.example');
  });
});

describe('attachmentNote', () => {
  it('names the file, its type and size, with nothing that could pass for markup or a command line', () => {
    assert.equal(attachmentNote({ filename: 'invoice.pdf', contentType: 'application/pdf', size: 20480 }), '[attachment: invoice.pdf, application/pdf, 20.0 KB]');
    assert.equal(attachmentNote({ filename: 'x]\n/cancel all[', contentType: 'text/plain; x', size: 12 }), '[attachment: x/cancel all, text/plainx, 12 bytes]');
    assert.equal(attachmentNote({ contentType: 'image/png', size: 3 * 1024 * 1024 }), '[attachment: unnamed, image/png, 3.0 MB]');
  });
});

describe('whyNotToAnswer (mail loops)', () => {
  const mail = (headers: Record<string, string>, from: string | null = 'jane@example.org', envelopeFrom = 'jane@example.org') => ({
    headers: new Map(Object.entries(headers)),
    from: from ?? undefined,
    envelopeFrom,
  });
  const table: [string, ReturnType<typeof mail>, RegExp | undefined][] = [
    ['a person\'s mail', mail({}), undefined],
    ['Auto-Submitted: no', mail({ 'auto-submitted': 'no' }), undefined],
    ['Auto-Submitted: auto-replied', mail({ 'auto-submitted': 'auto-replied' }), /auto-submitted/],
    ['Auto-Submitted: auto-generated', mail({ 'auto-submitted': 'auto-generated' }), /auto-submitted/],
    ['Precedence: bulk', mail({ precedence: 'bulk' }), /Precedence: bulk/],
    ['Precedence: list', mail({ precedence: 'list' }), /Precedence: list/],
    ['Precedence: auto_reply', mail({ precedence: 'auto_reply' }), /Precedence: auto_reply/],
    ['X-Autoreply', mail({ 'x-autoreply': 'yes' }), /auto-reply/],
    ['X-Auto-Response-Suppress: All', mail({ 'x-auto-response-suppress': 'All' }), /auto-reply/],
    ['an empty return path', mail({}, 'jane@example.org', ''), /bounce/],
    ['MAILER-DAEMON', mail({}, 'mailer-daemon@mx.example.org'), /bounce/],
    ['postmaster', mail({}, 'postmaster@example.org'), /bounce/],
    ['our own address', mail({}, 'support@example.com'), /our own address/],
    ['no From', mail({}, null), /no From/],
    ['a delivery status report', mail({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' }), /report/],
  ];
  for (const [name, facts, reason] of table) {
    it(`when ${name}, then ${reason ? 'it is not answered' : 'it is answered'}`, () => {
      const why = whyNotToAnswer(facts, 'Support@example.com');
      if (reason) assert.match(why ?? '', reason);
      else assert.equal(why, undefined);
    });
  }
});

describe('whyNotAMail', () => {
  const table: [string, string, RegExp | undefined][] = [
    ['a mail', 'From: a@example.org\r\nSubject: hi\r\n\r\nbody', undefined],
    ['folded headers', 'From: a@example.org\r\nSubject: a long\r\n  subject\r\n\r\nbody', undefined],
    ['nothing', '', /empty/],
    ['JSON (a valid field name, but no From and no body)', '{"from":"a@example.org"}', /no From/],
    ['prose', 'hello there\n\nhow are you', /header line/],
    ['a broken header line', 'From: a@example.org\r\nthis is not a header\r\n\r\nbody', /header line 2/],
    ['no From', 'Subject: hi\r\n\r\nbody', /no From/],
  ];
  for (const [name, raw, reason] of table) {
    it(`when ${name}, then ${reason ? 'it is refused' : 'it is read'}`, () => {
      const why = whyNotAMail(Buffer.from(raw));
      if (reason) assert.match(why ?? '', reason);
      else assert.equal(why, undefined);
    });
  }
});

describe('transcriptTextOf (what the conversation is told of a mail)', () => {
  const mail = (text: string | undefined, subject?: string, attachments: { filename?: string; contentType: string; size: number }[] = []) =>
    ({ ...(text !== undefined ? { text } : {}), ...(subject !== undefined ? { subject } : {}), attachments });
  it('when the body is only quoted history, then the subject speaks for it, without its Re:', () => {
    assert.equal(transcriptTextOf(mail('> earlier', 'Re: Fwd: Where is my parcel')), 'Where is my parcel');
  });
  it('when there are attachments, then each is noted after the text', () => {
    assert.equal(
      transcriptTextOf(mail('See attached', 'x', [{ filename: 'a.pdf', contentType: 'application/pdf', size: 10 }, { contentType: 'image/png', size: 2048 }])),
      'See attached\n\n[attachment: a.pdf, application/pdf, 10 bytes]\n[attachment: unnamed, image/png, 2.0 KB]',
    );
  });
  it('when the text has control characters or is too long, then they are dropped and it is cut to what a message may hold', () => {
    assert.equal(transcriptTextOf(mail('Hel\u0007lo\u0000', undefined)), 'Hello');
    const long = transcriptTextOf(mail('word '.repeat(2000), undefined, [{ filename: 'a.txt', contentType: 'text/plain', size: 1 }]));
    assert.ok(long.length <= MAX_MESSAGE_CHARS, String(long.length));
    assert.match(long, /\[…cut: too long\]\n\n\[attachment: a\.txt, text\/plain, 1 bytes\]$/);
  });
  it('when there is nothing at all, then there is nothing to tell', () => {
    assert.equal(transcriptTextOf(mail(undefined, undefined)), '');
  });
});
