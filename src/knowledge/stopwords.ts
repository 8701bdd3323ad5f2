import { fold } from "./translit.ts";

/**
 * Words that carry no topic in a question (question words, pronouns, particles, greetings), in
 * the six languages. They are compared after folding, so "chto" and "что" are the same stopword.
 * A word that names a topic in any language (work, passport, days) must not be here.
 */
const WORDS: Record<string, string> = {
  ru: `и в во не что он на я с со как а то все всё она так его но да ты к у же вы за бы по только ее её мне было вот от
    меня еще ещё нет о об из ему теперь когда ну ли если уже или ни быть был него до вас нибудь уж вам ведь там потом себя
    ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб чтобы без будто чего раз тоже себе под будет
    ж тогда кто этот того потому этого какой какая какое какие каких каком совсем ним здесь этом один почти мой моя мое моё
    мои тем нее неё сейчас были куда зачем всех никогда можно при хоть после над тот через эти нас про всего них разве эту
    свою этой перед иногда чуть том нельзя такой им всегда конечно всю между это нужно нужен нужна делать сделать скажите
    подскажите пожалуйста здравствуйте привет хочу хотел хотела мог могу могут ли бы вообще просто есть очень также`,
  en: `a an the and or but if of to in on at by for with from about as is are was were be been being do does did have has
    had i me my mine we our you your he she it its they them their what which who whom this that these those am can could
    should would will shall may might must not no yes how when where why there here so than too very just also please hi
    hello get got need want tell know does dont don't i'm im`,
  uz: `va bilan uchun men meni menga mening biz siz sizga sizning u ular bu shu o'sha nima nimaga qanday qancha qachon qayerda
    qayer kim nega ham yoki lekin emas bor yo'q kerak kerakmi mumkin mumkinmi bo'ladi bo'ladimi bo'lsa bo'lish edi ekan mi
    iltimos salom assalomu alaykum`,
  kk: `және мен сен ол біз сіз олар бұл осы сол не қандай қанша қашан қайда кім неге да де ма ме ба бе па пе мені маған менің
    бар жоқ керек болады бола ғой ғана үшін туралы деген дегеніміз дегеніміз қалай сәлем сәлеметсіз бе`,
  ky: `жана менен мен сен ал биз сиз алар бул ушул ошол эмне кандай канча качан кайда ким эмнеге да дагы мени мага менин бар
    жок керек болот болобу үчүн жөнүндө кантип салам саламатсызбы`,
  tg: `ва бо барои ман шумо ӯ онҳо мо ин он чӣ чи чанд кай куҷо кӣ чаро ҳам ё аммо не ҳа бояд мумкин аст мешавад дар аз ба то
    кадом чиро салом`,
};

/** Folded stopwords of all six languages. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  Object.values(WORDS)
    .flatMap((list) => list.split(/\s+/))
    .filter(Boolean)
    .map((w) => fold(w)),
);
