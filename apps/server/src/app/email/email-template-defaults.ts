import type { TEmailTemplate, TEmailTemplateKind, TEmailTemplateLanguage } from '@baton/contracts';

/** The words of the default mails, per language; the templates below are built from them. */
interface Phrases {
  automated: string;
  noted: string;
  replyOrBrowser: string;
  replyToContinue: string;
  caseLabel: string;
  yourRequest: string;
  hello: string;
  passing: string;
  ourTeam: string;
  ourSupport: string;
  caseIs: string;
  seeEverything: string;
  open: string;
  /** The one-time code mail: its subject (before the case), the code, what to do, and why it is safe to ignore. */
  codeSubject: string;
  codeIs: string;
  codeEnter: string;
  codeIgnore: string;
}

const PHRASES: Record<TEmailTemplateLanguage, Phrases> = {
  en: {
    automated: '(automated assistant)',
    noted: 'What we have noted:',
    replyOrBrowser: 'You can reply to this email, or continue the conversation in your browser:',
    replyToContinue: 'Reply to this email to continue the conversation.',
    caseLabel: 'Case',
    yourRequest: 'Your support request',
    hello: 'Hello',
    passing: "We're passing your conversation to",
    ourTeam: 'our {{team}} team',
    ourSupport: 'our support team',
    caseIs: 'Your case number is',
    seeEverything: "They'll see everything you've discussed, so you won't need to repeat anything. To continue the conversation, open:",
    open: 'Continue the conversation',
    codeSubject: 'Your {{brand}} code: {{code}}',
    codeIs: 'Your verification code is',
    codeEnter: 'Enter it in the chat to confirm this is your email address. It is valid for {{minutes}} minutes.',
    codeIgnore: 'If you did not ask for it, ignore this mail: nobody can see your account without the code.',
  },
  es: {
    automated: '(asistente automático)',
    noted: 'Lo que hemos anotado:',
    replyOrBrowser: 'Puede responder a este correo o continuar la conversación en su navegador:',
    replyToContinue: 'Responda a este correo para continuar la conversación.',
    caseLabel: 'Caso',
    yourRequest: 'Su solicitud de soporte',
    hello: 'Hola',
    passing: 'Pasamos su conversación a',
    ourTeam: 'nuestro equipo de {{team}}',
    ourSupport: 'nuestro equipo de soporte',
    caseIs: 'Su número de caso es',
    seeEverything: 'Verán todo lo que ha hablado con nosotros, así que no tendrá que repetir nada. Para continuar la conversación, abra:',
    open: 'Continuar la conversación',
    codeSubject: 'Su código de {{brand}}: {{code}}',
    codeIs: 'Su código de verificación es',
    codeEnter: 'Escríbalo en el chat para confirmar que esta dirección de correo es suya. Es válido durante {{minutes}} minutos.',
    codeIgnore: 'Si no lo ha pedido, ignore este correo: nadie puede ver su cuenta sin el código.',
  },
  fr: {
    automated: '(assistant automatique)',
    noted: 'Ce que nous avons noté :',
    replyOrBrowser: 'Vous pouvez répondre à cet e-mail ou poursuivre la conversation dans votre navigateur :',
    replyToContinue: 'Répondez à cet e-mail pour poursuivre la conversation.',
    caseLabel: 'Dossier',
    yourRequest: "Votre demande d'assistance",
    hello: 'Bonjour',
    passing: 'Nous transmettons votre conversation à',
    ourTeam: 'notre équipe {{team}}',
    ourSupport: "notre équipe d'assistance",
    caseIs: 'Votre numéro de dossier est',
    seeEverything: "L'équipe verra tout ce que vous avez échangé : vous n'aurez rien à répéter. Pour poursuivre la conversation, ouvrez :",
    open: 'Poursuivre la conversation',
    codeSubject: 'Votre code {{brand}} : {{code}}',
    codeIs: 'Votre code de vérification est',
    codeEnter: 'Saisissez-le dans la discussion pour confirmer que cette adresse e-mail est bien la vôtre. Il est valable {{minutes}} minutes.',
    codeIgnore: "Si vous ne l'avez pas demandé, ignorez cet e-mail : personne ne peut voir votre compte sans ce code.",
  },
  de: {
    automated: '(automatischer Assistent)',
    noted: 'Was wir notiert haben:',
    replyOrBrowser: 'Sie können auf diese E-Mail antworten oder das Gespräch im Browser fortsetzen:',
    replyToContinue: 'Antworten Sie auf diese E-Mail, um das Gespräch fortzusetzen.',
    caseLabel: 'Fall',
    yourRequest: 'Ihre Supportanfrage',
    hello: 'Hallo',
    passing: 'Wir übergeben Ihr Gespräch an',
    ourTeam: 'unser {{team}}-Team',
    ourSupport: 'unser Support-Team',
    caseIs: 'Ihre Fallnummer lautet',
    seeEverything: 'Das Team sieht alles, was Sie bisher besprochen haben, Sie müssen also nichts wiederholen. Um das Gespräch fortzusetzen, öffnen Sie:',
    open: 'Gespräch fortsetzen',
    codeSubject: 'Ihr Code von {{brand}}: {{code}}',
    codeIs: 'Ihr Bestätigungscode lautet',
    codeEnter: 'Geben Sie ihn im Chat ein, um zu bestätigen, dass dies Ihre E-Mail-Adresse ist. Er ist {{minutes}} Minuten gültig.',
    codeIgnore: 'Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code kann niemand Ihr Konto sehen.',
  },
  pt: {
    automated: '(assistente automático)',
    noted: 'O que anotámos:',
    replyOrBrowser: 'Pode responder a este e-mail ou continuar a conversa no seu navegador:',
    replyToContinue: 'Responda a este e-mail para continuar a conversa.',
    caseLabel: 'Caso',
    yourRequest: 'O seu pedido de suporte',
    hello: 'Olá',
    passing: 'Estamos a passar a sua conversa para',
    ourTeam: 'a nossa equipa de {{team}}',
    ourSupport: 'a nossa equipa de suporte',
    caseIs: 'O número do seu caso é',
    seeEverything: 'A equipa verá tudo o que já conversámos, por isso não terá de repetir nada. Para continuar a conversa, abra:',
    open: 'Continuar a conversa',
    codeSubject: 'O seu código {{brand}}: {{code}}',
    codeIs: 'O seu código de verificação é',
    codeEnter: 'Introduza-o no chat para confirmar que este endereço de e-mail é seu. É válido durante {{minutes}} minutos.',
    codeIgnore: 'Se não o pediu, ignore este e-mail: ninguém pode ver a sua conta sem o código.',
  },
  it: {
    automated: '(assistente automatico)',
    noted: 'Cosa abbiamo annotato:',
    replyOrBrowser: 'Può rispondere a questa email o continuare la conversazione nel browser:',
    replyToContinue: 'Risponda a questa email per continuare la conversazione.',
    caseLabel: 'Pratica',
    yourRequest: 'La sua richiesta di assistenza',
    hello: 'Buongiorno',
    passing: 'Stiamo passando la sua conversazione a',
    ourTeam: 'il nostro team {{team}}',
    ourSupport: 'il nostro team di assistenza',
    caseIs: 'Il numero della sua pratica è',
    seeEverything: 'Il team vedrà tutto ciò di cui abbiamo parlato, quindi non dovrà ripetere nulla. Per continuare la conversazione, apra:',
    open: 'Continua la conversazione',
    codeSubject: 'Il suo codice {{brand}}: {{code}}',
    codeIs: 'Il suo codice di verifica è',
    codeEnter: 'Lo inserisca nella chat per confermare che questo indirizzo email è suo. È valido per {{minutes}} minuti.',
    codeIgnore: "Se non l'ha richiesto, ignori questa email: nessuno può vedere il suo account senza il codice.",
  },
};

/** The variables each kind of mail offers (`{{name}}`; `{{#name}}…{{/name}}` shows only when it has a value). */
export const TEMPLATE_VARIABLES: Record<TEmailTemplateKind, readonly string[]> = {
  message: ['case', 'brand', 'customer.name', 'customer.firstName', 'subject', 'message', 'agent', 'ai', 'summary', 'link'],
  handoff_confirmation: ['case', 'brand', 'customer.name', 'customer.firstName', 'team', 'summary', 'link'],
  verification_code: ['case', 'brand', 'code', 'minutes'],
};

/** A simple layout: the mail reads well in clients that show HTML, with the same words as the text part. */
const layout = (lang: string, body: string, footer: string) =>
  `<!doctype html>
<html lang="${lang}">
<body style="margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d2330;">
<div style="max-width:600px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;line-height:1.5;">
${body}
<hr style="border:none;border-top:1px solid #e2e5ea;margin:24px 0 12px;">
<p style="font-size:13px;color:#5b6475;margin:0;">${footer}</p>
</div>
</body>
</html>
`;

function messageTemplate(lang: TEmailTemplateLanguage): TEmailTemplate {
  const p = PHRASES[lang];
  const signature = `{{#agent}}{{agent}}, {{/agent}}{{brand}}{{#ai}} ${p.automated}{{/ai}}`;
  return {
    subject: `Re: {{#subject}}{{subject}}{{/subject}}{{^subject}}${p.yourRequest}{{/subject}} [{{case}}]`,
    text: `{{message}}\n{{#summary}}\n\n${p.noted} {{summary}}{{/summary}}\n{{#link}}\n\n${p.replyOrBrowser}\n{{link}}{{/link}}\n\n-- \n${signature}\n${p.caseLabel} {{case}}. ${p.replyToContinue}\n`,
    html: layout(
      lang,
      `<p>{{message}}</p>
{{#summary}}<p><strong>${p.noted}</strong> {{summary}}</p>{{/summary}}
{{#link}}<p>${p.replyOrBrowser}<br><a href="{{link}}">${p.open}</a></p>{{/link}}
<p>${signature}</p>`,
      `${p.caseLabel} {{case}}. ${p.replyToContinue}`,
    ),
  };
}

function confirmationTemplate(lang: TEmailTemplateLanguage): TEmailTemplate {
  const p = PHRASES[lang];
  const team = `{{#team}}${p.ourTeam}{{/team}}{{^team}}${p.ourSupport}{{/team}}`;
  return {
    subject: `[{{case}}] ${p.passing} ${team}`,
    text: `${p.hello}{{#customer.firstName}} {{customer.firstName}}{{/customer.firstName}},\n\n${p.passing} ${team}. ${p.caseIs} {{case}}.\n{{#summary}}\n\n${p.noted} {{summary}}{{/summary}}\n\n${p.seeEverything}\n{{link}}\n\n-- \n{{brand}}\n${p.caseLabel} {{case}}\n`,
    html: layout(
      lang,
      `<p>${p.hello}{{#customer.firstName}} {{customer.firstName}}{{/customer.firstName}},</p>
<p>${p.passing} ${team}. ${p.caseIs} <strong>{{case}}</strong>.</p>
{{#summary}}<p><strong>${p.noted}</strong> {{summary}}</p>{{/summary}}
<p>${p.seeEverything}<br><a href="{{link}}">${p.open}</a></p>
<p>{{brand}}</p>`,
      `${p.caseLabel} {{case}}`,
    ),
  };
}

/** The one-time code (a claimed address being proved): no name, since the address is not proved yet. */
function codeTemplate(lang: TEmailTemplateLanguage): TEmailTemplate {
  const p = PHRASES[lang];
  return {
    subject: `${p.codeSubject} [{{case}}]`,
    text: `${p.codeIs} {{code}}.\n\n${p.codeEnter}\n\n${p.codeIgnore}\n\n-- \n{{brand}}\n${p.caseLabel} {{case}}\n`,
    html: layout(
      lang,
      `<p>${p.codeIs} <strong style="font-size:20px;letter-spacing:2px;">{{code}}</strong>.</p>
<p>${p.codeEnter}</p>
<p>${p.codeIgnore}</p>
<p>{{brand}}</p>`,
      `${p.caseLabel} {{case}}`,
    ),
  };
}

const TEMPLATES: Record<TEmailTemplateKind, (lang: TEmailTemplateLanguage) => TEmailTemplate> = { message: messageTemplate, handoff_confirmation: confirmationTemplate, verification_code: codeTemplate };

/** The template a mail uses when no admin changed it. */
export function defaultEmailTemplate(kind: TEmailTemplateKind, language: TEmailTemplateLanguage): TEmailTemplate {
  return TEMPLATES[kind](language);
}
