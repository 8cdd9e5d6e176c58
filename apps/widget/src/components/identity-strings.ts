import type { Lang } from '../i18n.js';

/** The code entry's words, per language. */
const en = {
  title: 'Confirm it is you',
  code: 'Six-digit code',
  verify: 'Confirm',
  resend: 'Send a new code',
  sent: 'A new code is on its way.',
  email: 'Email address on your account',
  sendTo: 'Send me a code',
  errors: {
    IDENTITY_ERR_CODE_INVALID: 'That code is not right; please check it and try again.',
    IDENTITY_ERR_CODE_EXPIRED: 'That code has expired or was tried too often; please ask for a new one.',
    IDENTITY_ERR_CODE_LIMITED: 'Too many codes were asked for; please wait a few minutes and try again.',
    IDENTITY_ERR_NO_ADDRESS: 'Please give the email address on your account first.',
    other: 'Something went wrong; please try again.',
  },
};

export type IdentityStrings = typeof en;

export const IDENTITY_STRINGS: Record<Lang, IdentityStrings> = {
  en,
  es: {
    title: 'Confirme que es usted',
    code: 'Código de seis cifras',
    verify: 'Confirmar',
    resend: 'Enviar un código nuevo',
    sent: 'Le enviamos un código nuevo.',
    email: 'Correo de su cuenta',
    sendTo: 'Enviarme un código',
    errors: {
      IDENTITY_ERR_CODE_INVALID: 'Ese código no es correcto; revíselo e inténtelo de nuevo.',
      IDENTITY_ERR_CODE_EXPIRED: 'Ese código caducó o se probó demasiadas veces; pida uno nuevo.',
      IDENTITY_ERR_CODE_LIMITED: 'Se pidieron demasiados códigos; espere unos minutos.',
      IDENTITY_ERR_NO_ADDRESS: 'Indique primero el correo de su cuenta.',
      other: 'Algo salió mal; inténtelo de nuevo.',
    },
  },
  fr: {
    title: 'Confirmez que c’est vous',
    code: 'Code à six chiffres',
    verify: 'Confirmer',
    resend: 'Envoyer un nouveau code',
    sent: 'Un nouveau code est en route.',
    email: 'Adresse e-mail de votre compte',
    sendTo: 'M’envoyer un code',
    errors: {
      IDENTITY_ERR_CODE_INVALID: 'Ce code n’est pas le bon ; vérifiez-le et réessayez.',
      IDENTITY_ERR_CODE_EXPIRED: 'Ce code a expiré ou a été essayé trop souvent ; demandez-en un nouveau.',
      IDENTITY_ERR_CODE_LIMITED: 'Trop de codes demandés ; patientez quelques minutes.',
      IDENTITY_ERR_NO_ADDRESS: 'Indiquez d’abord l’adresse e-mail de votre compte.',
      other: 'Un problème est survenu ; réessayez.',
    },
  },
  de: {
    title: 'Bestätigen Sie, dass Sie es sind',
    code: 'Sechsstelliger Code',
    verify: 'Bestätigen',
    resend: 'Neuen Code senden',
    sent: 'Ein neuer Code ist unterwegs.',
    email: 'E-Mail-Adresse Ihres Kontos',
    sendTo: 'Code senden',
    errors: {
      IDENTITY_ERR_CODE_INVALID: 'Der Code stimmt nicht; bitte prüfen und erneut versuchen.',
      IDENTITY_ERR_CODE_EXPIRED: 'Der Code ist abgelaufen oder wurde zu oft versucht; bitte einen neuen anfordern.',
      IDENTITY_ERR_CODE_LIMITED: 'Zu viele Codes angefordert; bitte einige Minuten warten.',
      IDENTITY_ERR_NO_ADDRESS: 'Bitte zuerst die E-Mail-Adresse Ihres Kontos angeben.',
      other: 'Etwas ist schiefgelaufen; bitte erneut versuchen.',
    },
  },
  pt: {
    title: 'Confirme que é você',
    code: 'Código de seis dígitos',
    verify: 'Confirmar',
    resend: 'Enviar um novo código',
    sent: 'Um novo código está a caminho.',
    email: 'Endereço de email da sua conta',
    sendTo: 'Enviar-me um código',
    errors: {
      IDENTITY_ERR_CODE_INVALID: 'Esse código não está certo; verifique-o e tente de novo.',
      IDENTITY_ERR_CODE_EXPIRED: 'Esse código expirou ou foi tentado demasiadas vezes; peça um novo.',
      IDENTITY_ERR_CODE_LIMITED: 'Foram pedidos demasiados códigos; aguarde alguns minutos.',
      IDENTITY_ERR_NO_ADDRESS: 'Indique primeiro o endereço de email da sua conta.',
      other: 'Algo correu mal; tente de novo.',
    },
  },
  it: {
    title: 'Conferma che sei tu',
    code: 'Codice di sei cifre',
    verify: 'Conferma',
    resend: 'Invia un nuovo codice',
    sent: 'Un nuovo codice è in arrivo.',
    email: 'Indirizzo email del tuo account',
    sendTo: 'Inviami un codice',
    errors: {
      IDENTITY_ERR_CODE_INVALID: 'Il codice non è corretto; controllalo e riprova.',
      IDENTITY_ERR_CODE_EXPIRED: 'Il codice è scaduto o è stato provato troppe volte; chiedine uno nuovo.',
      IDENTITY_ERR_CODE_LIMITED: 'Sono stati chiesti troppi codici; attendi qualche minuto.',
      IDENTITY_ERR_NO_ADDRESS: "Indica prima l'indirizzo email del tuo account.",
      other: 'Qualcosa è andato storto; riprova.',
    },
  },
};

export function identityStringsFor(lang: Lang): IdentityStrings {
  return IDENTITY_STRINGS[lang];
}
