/**
 * Synthetic multilingual text of realistic length: sentences drawn from a small vocabulary per
 * language (Latin, Czech diacritics, Arabic script... so byte sizes and collation are realistic),
 * paragraphs, and the Markdown editors write (lists, bold, links).
 */
import type { Random } from './random.ts';

const VOCABULARY: Record<string, readonly string[]> = {
  en: 'migrants refugees integration local community language course employment mentoring housing support programme volunteers municipality training partners families children schools health services workshop participants network skills access inclusion newcomers guidance counselling project activities outreach women youth evaluation funding cooperation'.split(' '),
  cs: 'migranti uprchlíci integrace místní komunita jazykový kurz zaměstnání mentoring bydlení podpora program dobrovolníci obec školení partneři rodiny děti školy zdravotní služby workshop účastníci síť dovednosti přístup začlenění nově příchozí poradenství projekt aktivity ženy mládež hodnocení financování spolupráce'.split(' '),
  es: 'migrantes refugiados integración comunidad local curso idioma empleo mentoría vivienda apoyo programa voluntarios municipio formación socios familias niños escuelas salud servicios taller participantes red habilidades acceso inclusión recién llegados orientación proyecto actividades mujeres jóvenes evaluación financiación cooperación'.split(' '),
  ar: 'المهاجرين اللاجئين الاندماج المجتمع المحلي دورة اللغة التوظيف الإرشاد السكن الدعم البرنامج المتطوعين البلدية التدريب الشركاء الأسر الأطفال المدارس الصحة الخدمات ورشة المشاركين الشبكة المهارات الوصول الإدماج القادمين التوجيه المشروع الأنشطة النساء الشباب التقييم التمويل التعاون'.split(' '),
  de: 'Migranten Geflüchtete Integration lokale Gemeinschaft Sprachkurs Beschäftigung Mentoring Wohnen Unterstützung Programm Freiwillige Gemeinde Schulung Partner Familien Kinder Schulen Gesundheit Dienste Workshop Teilnehmende Netzwerk Fähigkeiten Zugang Inklusion Neuankömmlinge Beratung Projekt Aktivitäten Frauen Jugendliche Bewertung Förderung Zusammenarbeit'.split(' '),
  fr: 'migrants réfugiés intégration communauté locale cours langue emploi mentorat logement soutien programme bénévoles municipalité formation partenaires familles enfants écoles santé services atelier participants réseau compétences accès inclusion nouveaux arrivants orientation projet activités femmes jeunes évaluation financement coopération'.split(' '),
  it: 'migranti rifugiati integrazione comunità locale corso lingua lavoro mentoring alloggio sostegno programma volontari comune formazione partner famiglie bambini scuole salute servizi laboratorio partecipanti rete competenze accesso inclusione nuovi arrivati orientamento progetto attività donne giovani valutazione finanziamento cooperazione'.split(' '),
  pl: 'migranci uchodźcy integracja społeczność lokalna kurs językowy zatrudnienie mentoring mieszkanie wsparcie program wolontariusze gmina szkolenie partnerzy rodziny dzieci szkoły zdrowie usługi warsztat uczestnicy sieć umiejętności dostęp włączenie przybysze doradztwo projekt działania kobiety młodzież ocena finansowanie współpraca'.split(' '),
  el: 'μετανάστες πρόσφυγες ένταξη τοπική κοινότητα μάθημα γλώσσας απασχόληση καθοδήγηση στέγαση υποστήριξη πρόγραμμα εθελοντές δήμος κατάρτιση εταίροι οικογένειες παιδιά σχολεία υγεία υπηρεσίες εργαστήριο συμμετέχοντες δίκτυο δεξιότητες πρόσβαση συμπερίληψη νεοαφιχθέντες συμβουλευτική έργο δραστηριότητες γυναίκες νέοι αξιολόγηση χρηματοδότηση συνεργασία'.split(' '),
  nl: 'migranten vluchtelingen integratie lokale gemeenschap taalcursus werk mentoring huisvesting ondersteuning programma vrijwilligers gemeente training partners gezinnen kinderen scholen gezondheid diensten workshop deelnemers netwerk vaardigheden toegang inclusie nieuwkomers begeleiding project activiteiten vrouwen jongeren evaluatie financiering samenwerking'.split(' '),
};

/** Extra locales used after `en`, in this order (the first four are those of the demo content and then some). */
export const EXTRA_LOCALES = ['cs', 'es', 'ar', 'de', 'fr', 'it', 'pl', 'el', 'nl'] as const;

function vocabulary(locale: string): readonly string[] {
  return VOCABULARY[locale] ?? VOCABULARY.en!;
}

function capitalise(word: string): string {
  return word.charAt(0).toLocaleUpperCase() + word.slice(1);
}

export function sentence(random: Random, locale: string, minWords = 8, maxWords = 20): string {
  const words = vocabulary(locale);
  const count = random.int(minWords, maxWords);
  const chosen = Array.from({ length: count }, () => random.pick(words));
  return `${capitalise(chosen.join(' '))}.`;
}

/** Plain text of about `minChars`..`maxChars` characters (whole sentences). */
export function text(random: Random, locale: string, minChars: number, maxChars: number): string {
  const target = random.int(minChars, maxChars);
  let out = '';
  while (out.length < target) out += (out ? ' ' : '') + sentence(random, locale);
  return out.length > maxChars ? `${out.slice(0, maxChars - 1).trimEnd()}.` : out;
}

export function title(random: Random, locale: string): string {
  return capitalise(Array.from({ length: random.int(4, 10) }, () => random.pick(vocabulary(locale))).join(' '));
}

/** Markdown as editors write it: paragraphs, sometimes a list, bold and a link. */
export function markdown(random: Random, locale: string, minChars: number, maxChars: number): string {
  const target = random.int(minChars, maxChars);
  const blocks: string[] = [];
  let length = 0;
  while (length < target) {
    let block: string;
    if (blocks.length > 0 && random.chance(0.25)) {
      block = Array.from({ length: random.int(3, 5) }, () => `- ${sentence(random, locale, 4, 10)}`).join('\n');
    } else {
      const sentences = Array.from({ length: random.int(2, 5) }, () => sentence(random, locale));
      if (random.chance(0.4)) {
        const index = random.int(0, sentences.length - 1);
        sentences[index] = sentences[index]!.replace(/^(\S+ \S+)/, '**$1**');
      }
      if (random.chance(0.2)) sentences.push(`[${random.pick(vocabulary(locale))}](https://example.org/${random.int(1, 9999)})`);
      block = sentences.join(' ');
    }
    blocks.push(block);
    length += block.length + 2;
  }
  return blocks.join('\n\n');
}
