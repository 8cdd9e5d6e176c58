/** The words around files in the widget, per language (English when the widget's language has none here). */
const en = {
  attach: 'Attach a picture or a PDF',
  sending: (name: string) => `Sending ${name}…`,
  open: (name: string) => `Open ${name}`,
  download: (name: string, size: string) => `Download ${name} (${size})`,
  errors: {
    ATTACHMENT_ERR_TYPE: 'This kind of file cannot be sent; please send a picture (PNG, JPEG, GIF, WebP) or a PDF.',
    ATTACHMENT_ERR_TOO_LARGE: 'This file is too large to send.',
    ATTACHMENT_ERR_EMPTY: 'This file is empty.',
    other: 'The file could not be sent; please try again.',
  } as Record<string, string>,
};

export type AttachmentStrings = typeof en;

const byLang: Record<string, AttachmentStrings> = {
  en,
  es: {
    attach: 'Adjuntar una imagen o un PDF',
    sending: (name) => `Enviando ${name}…`,
    open: (name) => `Abrir ${name}`,
    download: (name, size) => `Descargar ${name} (${size})`,
    errors: {
      ATTACHMENT_ERR_TYPE: 'Este tipo de archivo no se puede enviar; envíe una imagen (PNG, JPEG, GIF, WebP) o un PDF.',
      ATTACHMENT_ERR_TOO_LARGE: 'Este archivo es demasiado grande para enviarlo.',
      ATTACHMENT_ERR_EMPTY: 'Este archivo está vacío.',
      other: 'No se pudo enviar el archivo; inténtelo de nuevo.',
    },
  },
  fr: {
    attach: 'Joindre une image ou un PDF',
    sending: (name) => `Envoi de ${name}…`,
    open: (name) => `Ouvrir ${name}`,
    download: (name, size) => `Télécharger ${name} (${size})`,
    errors: {
      ATTACHMENT_ERR_TYPE: 'Ce type de fichier ne peut pas être envoyé ; envoyez une image (PNG, JPEG, GIF, WebP) ou un PDF.',
      ATTACHMENT_ERR_TOO_LARGE: 'Ce fichier est trop volumineux pour être envoyé.',
      ATTACHMENT_ERR_EMPTY: 'Ce fichier est vide.',
      other: "Le fichier n'a pas pu être envoyé ; veuillez réessayer.",
    },
  },
  de: {
    attach: 'Bild oder PDF anhängen',
    sending: (name) => `${name} wird gesendet…`,
    open: (name) => `${name} öffnen`,
    download: (name, size) => `${name} herunterladen (${size})`,
    errors: {
      ATTACHMENT_ERR_TYPE: 'Diese Art von Datei kann nicht gesendet werden; bitte ein Bild (PNG, JPEG, GIF, WebP) oder ein PDF senden.',
      ATTACHMENT_ERR_TOO_LARGE: 'Diese Datei ist zu groß zum Senden.',
      ATTACHMENT_ERR_EMPTY: 'Diese Datei ist leer.',
      other: 'Die Datei konnte nicht gesendet werden; bitte erneut versuchen.',
    },
  },
  pt: {
    attach: 'Anexar uma imagem ou um PDF',
    sending: (name) => `A enviar ${name}…`,
    open: (name) => `Abrir ${name}`,
    download: (name, size) => `Transferir ${name} (${size})`,
    errors: {
      ATTACHMENT_ERR_TYPE: 'Este tipo de ficheiro não pode ser enviado; envie uma imagem (PNG, JPEG, GIF, WebP) ou um PDF.',
      ATTACHMENT_ERR_TOO_LARGE: 'Este ficheiro é demasiado grande para enviar.',
      ATTACHMENT_ERR_EMPTY: 'Este ficheiro está vazio.',
      other: 'Não foi possível enviar o ficheiro; tente novamente.',
    },
  },
  it: {
    attach: "Allega un'immagine o un PDF",
    sending: (name) => `Invio di ${name}…`,
    open: (name) => `Apri ${name}`,
    download: (name, size) => `Scarica ${name} (${size})`,
    errors: {
      ATTACHMENT_ERR_TYPE: "Questo tipo di file non può essere inviato; invii un'immagine (PNG, JPEG, GIF, WebP) o un PDF.",
      ATTACHMENT_ERR_TOO_LARGE: 'Questo file è troppo grande per essere inviato.',
      ATTACHMENT_ERR_EMPTY: 'Questo file è vuoto.',
      other: 'Non è stato possibile inviare il file; riprovi.',
    },
  },
};

export function attachmentStringsFor(lang: string): AttachmentStrings {
  return byLang[lang] ?? en;
}

/** A file size for people: 820 KB, 2.4 MB. */
export function formatSize(bytes: number, lang: string): string {
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  return bytes < 1024 * 1024 ? `${n.format(Math.max(1, Math.round(bytes / 1024)))} KB` : `${n.format(bytes / (1024 * 1024))} MB`;
}
