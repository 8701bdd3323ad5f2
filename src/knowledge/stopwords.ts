import { foldLetters } from "./translit.ts";

/**
 * Words that carry no topic in a question (question words, pronouns, particles, greetings), in
 * the six languages. They are compared after folding, so "chto" and "что" are the same stopword
 * (doubled letters are kept: the abbreviation "ИИН" is not the Tajik "ин").
 * A word that names a topic in any language (work, passport, days) must not be here.
 */
const WORDS: Record<string, string> = {
  ru: `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от
    меня еще ещё нет о об из ему теперь когда ну ли если уже или ни быть был него до вас нибудь уж вам ведь там потом себя
    ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб чтобы без будто чего раз тоже себе под будет
    ж тогда кто этот того потому этого какой какая какое какие каких каком совсем ним здесь этом один почти мой моя мое моё
    мои тем нее неё сейчас были куда зачем всех никогда можно при хоть после над тот через эти нас про всего них разве эту
    свою этой перед иногда чуть том нельзя такой им всегда конечно всю между это нужно нужен нужна делать сделать скажите
    подскажите пожалуйста здравствуйте привет хочу хотел хотела мог могу могут ли бы вообще просто есть очень также сколько скольки
    какую каким почему должен должна должны обязан`,
  en: `a an the and or but if of to in on at by for with from about as is are was were be been being do does did have has
    had i me my mine we our you your he she it its they them their what which who whom this that these those am can could
    should would will shall may might must not no yes how when where why there here so than too very just also please hi
    hello get got need want tell know does dont don't i'm im many much`,
  uz: `va bilan uchun men meni menga mening biz siz sizga sizning u ular bu shu o'sha nima nimaga qanday qancha qachon qayerda
    qayer kim nega ham yoki lekin emas bor yo'q kerak kerakmi mumkin mumkinmi bo'ladi bo'ladimi bo'lsa bo'lish edi ekan mi
    iltimos salom assalomu alaykum necha nechta`,
  kk: `және мен сен ол біз сіз олар бұл осы сол не қандай қанша қашан қайда кім неге да де ма ме ба бе па пе мені маған менің
    бар жоқ керек болады бола ғой ғана үшін туралы деген болу дегеніміз қалай сәлем сәлеметсіз бе
    келеді келет келіп келді`,
  ky: `жана менен мен сен ал биз сиз алар бул ушул ошол эмне кандай канча качан кайда ким эмнеге да дагы мени мага менин бар
    жок керек болот болобу үчүн жөнүндө кантип салам саламатсызбы келет
    келди`,
  tg: `ва бо барои ман шумо ӯ онҳо мо ин он чӣ чи чанд кай куҷо кӣ чаро ҳам ё аммо не ҳа бояд мумкин аст мешавад дар аз ба то
    кадом чиро салом`,
};

/** Folded stopwords of all six languages. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(WORDS)
    .flatMap((list) => list.split(/\s+/))
    .filter(Boolean)
    .map((w) => foldLetters(w)),
);

const BY_FIRST_LETTER = new Map<string, string[]>();
for (const word of STOPWORDS) {
  const list = BY_FIRST_LETTER.get(word[0] ?? "") ?? [];
  list.push(word);
  BY_FIRST_LETTER.set(word[0] ?? "", list);
}

/**
 * Whether a question word folded by `foldLetters` is a stopword or one with a vowel mistyped ("можна" for
 * "можно"). Only for questions: the texts have no typos.
 */
export function isStopwordLoose(folded: string): boolean {
  if (STOPWORDS.has(folded)) return true;
  if (folded.length < 5) return false;
  for (const word of BY_FIRST_LETTER.get(folded[0]!) ?? []) {
    if (withinOneEdit(word, folded)) return true;
  }
  return false;
}

const VOWELS = new Set([..."aeiou"]);

/** Same length, one vowel written for another ("mojna" for "mojno"): the typical typo of a short word. */
function withinOneEdit(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++diff > 1 || !VOWELS.has(a[i]!) || !VOWELS.has(b[i]!)) return false;
  }
  return diff === 1;
}
