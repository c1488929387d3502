/**
 * The search relevance set (issue 9): what practitioners and the front desk type, and the items
 * acceptable at the top. Identities (a code, a name, an abbreviation) must put an acceptable item
 * first (`within: 1`); topics (a condition, a question, a word in a handout) within the first
 * three. Judged by hand from the built-in content: an item is acceptable when a practitioner who
 * typed the query would be glad to open it. Run on the real core and the real built-in content by
 * test/db/search-relevance.test.ts (CI) and bench/search-relevance.ts (`npm run bench`).
 */
export interface RelevanceCase {
  readonly q: string
  readonly within: 1 | 3
  /** Acceptable hits as `kind:id`. */
  readonly accept: readonly string[]
}

const point = (code: string): string => `acupoint:${code}`
const muscle = (...ids: string[]): string[] => ids.map((id) => `muscle:${id}`)
const handout = (id: string, ...langs: string[]): string[] =>
  langs.map((lang) => `handout:${id}/${lang}`)
const article = (...ids: string[]): string[] => ids.map((id) => `article:${id}`)

/** A code written every common way: all must find the point first. */
const codeCases = (code: string, ...forms: string[]): RelevanceCase[] =>
  [code, ...forms].map((q) => ({ q, within: 1, accept: [point(code)] }))

const identity = (q: string, ...accept: string[]): RelevanceCase => ({ q, within: 1, accept })
const topic = (q: string, ...accept: string[]): RelevanceCase => ({ q, within: 3, accept })

// Muscles supplied by the roots (resources/content/muscles/*.yaml `innervation.roots`).
const C5_C6 = muscle(
  'biceps-brachii',
  'brachialis',
  'brachioradialis',
  'deltoid',
  'infraspinatus',
  'supraspinatus',
  'subscapularis',
  'teres-minor',
  'teres-major',
  'supinator',
  'cervical-multifidus',
  'scalenes',
  'serratus-anterior',
  'pectoralis-major'
)
const L5 = muscle(
  'biceps-femoris',
  'extensor-digitorum-longus',
  'gluteus-maximus',
  'gluteus-medius',
  'gluteus-minimus',
  'lumbar-multifidus',
  'lumbar-paraspinals',
  'medial-hamstrings',
  'peroneus-longus',
  'piriformis',
  'tensor-fasciae-latae',
  'tibialis-anterior',
  'tibialis-posterior'
)
const S1 = muscle(
  'biceps-femoris',
  'extensor-digitorum-longus',
  'gastrocnemius',
  'gluteus-maximus',
  'gluteus-medius',
  'gluteus-minimus',
  'lumbar-multifidus',
  'medial-hamstrings',
  'peroneus-longus',
  'piriformis',
  'soleus',
  'tensor-fasciae-latae'
)
const TRAPEZIUS = muscle('upper-trapezius', 'middle-trapezius', 'lower-trapezius')

export const RELEVANCE_CASES: readonly RelevanceCase[] = [
  // Point codes in every convention.
  ...codeCases('LI4', 'li4', 'li 4', 'li-4', 'LI-4', 'Li.04', 'Co4', 'LI 04'),
  ...codeCases('ST36', 'st36', 'st 36', 'Ma36', 'ST-36'),
  ...codeCases('SP6', 'sp 6', 'sp-6'),
  ...codeCases('LR3', 'LV3', 'Liv3', 'lr 3'),
  ...codeCases('TE5', 'SJ5', 'TW5', 'TB5', 'te 5'),
  ...codeCases('BL40', 'UB40', 'bl 40', 'B40'),
  ...codeCases('CV12', 'Ren 12', 'ren12', 'RN12'),
  ...codeCases('GV20', 'Du20', 'du 20'),
  ...codeCases('GV26', 'Du26'),
  ...codeCases('PC6', 'P6', 'pc 6', 'HC6'),
  ...codeCases('KI3', 'K3', 'ki 3'),
  ...codeCases('KI1', 'K1', 'ki1'),
  ...codeCases('HT7', 'H7', 'he7'),
  ...codeCases('GB20', 'gb 20', 'G20'),
  ...codeCases('GB34'),
  ...codeCases('GB21'),
  ...codeCases('LU7', 'lu 7', 'Lg7'),
  ...codeCases('SI3', 'si 3'),
  ...codeCases('BL60', 'bl60'),
  ...codeCases('BL67'),
  ...codeCases('BL2'),
  ...codeCases('CV17'),
  ...codeCases('LI11'),

  // Pinyin, with and without tones, and the variant readings.
  identity('Hegu', point('LI4')),
  identity('Hégǔ', point('LI4')),
  identity('he gu', point('LI4')),
  identity('Zusanli', point('ST36')),
  identity('Zúsānlǐ', point('ST36')),
  identity('zu san li', point('ST36')),
  identity('Sanyinjiao', point('SP6')),
  identity('Taichong', point('LR3')),
  identity('Neiguan', point('PC6')),
  identity('Baihui', point('GV20')),
  identity('Fengchi', point('GB20')),
  identity('Yanglingquan', point('GB34')),
  identity('Danzhong', point('CV17')),
  identity('Tanzhong', point('CV17')),
  identity('Cuanzhu', point('BL2')),
  identity('Zanzhu', point('BL2')),
  identity('Renzhong', point('GV26')),
  identity('Shuigou', point('GV26')),
  identity('Yongquan', point('KI1')),
  identity('Quchi', point('LI11')),
  identity('Lieque', point('LU7')),
  identity('Jianjing', point('GB21')),
  identity('Weizhong', point('BL40')),
  identity('Kunlun', point('BL60')),
  identity('Zhiyin', point('BL67')),
  identity('Shenmen', point('HT7')),
  identity('Waiguan', point('TE5')),
  identity('Taixi', point('KI3')),

  // Chinese characters, simplified, traditional and variant.
  identity('合谷', point('LI4')),
  identity('足三里', point('ST36')),
  identity('三阴交', point('SP6')),
  identity('三陰交', point('SP6')),
  identity('太冲', point('LR3')),
  identity('太衝', point('LR3')),
  identity('内关', point('PC6')),
  identity('百会', point('GV20')),
  identity('风池', point('GB20')),
  identity('涌泉', point('KI1')),
  identity('湧泉', point('KI1')),
  identity('崑崙', point('BL60')),
  identity('膻中', point('CV17')),
  identity('人中', point('GV26')),
  identity('委中', point('BL40')),
  identity('曲池', point('LI11')),

  // English point names.
  identity('Joining Valley', point('LI4')),
  identity('Leg Three Li', point('ST36')),
  identity('Three Yin Intersection', point('SP6')),
  identity('Great Rushing', point('LR3')),
  identity('Inner Pass', point('PC6')),
  identity('Wind Pool', point('GB20')),
  identity('Gushing Spring', point('KI1')),

  // Muscles: names, plural and singular, abbreviations.
  identity('upper trapezius', ...muscle('upper-trapezius')),
  identity('levator scapulae', ...muscle('levator-scapulae')),
  identity('levator scapula', ...muscle('levator-scapulae')),
  identity('traps', ...TRAPEZIUS),
  identity('trapezius', ...TRAPEZIUS),
  identity('trap', ...TRAPEZIUS),
  identity('lats', ...muscle('latissimus-dorsi')),
  identity('latissimus dorsi', ...muscle('latissimus-dorsi')),
  identity('glute med', ...muscle('gluteus-medius')),
  identity('glute min', ...muscle('gluteus-minimus')),
  identity('glute max', ...muscle('gluteus-maximus')),
  identity('gluteus medius', ...muscle('gluteus-medius')),
  identity('scalene', ...muscle('scalenes')),
  identity('scalenes', ...muscle('scalenes')),
  identity('SCM', ...muscle('sternocleidomastoid')),
  identity('sternocleidomastoid', ...muscle('sternocleidomastoid')),
  identity('QL', ...muscle('quadratus-lumborum')),
  identity('quadratus lumborum', ...muscle('quadratus-lumborum')),
  identity('TFL', ...muscle('tensor-fasciae-latae')),
  identity('piriformis', ...muscle('piriformis')),
  identity('infraspinatus', ...muscle('infraspinatus')),
  identity('supraspinatus', ...muscle('supraspinatus')),
  identity('subscapularis', ...muscle('subscapularis')),
  identity('subscap', ...muscle('subscapularis')),
  identity('teres minor', ...muscle('teres-minor')),
  identity('teres major', ...muscle('teres-major')),
  identity('rhomboids', ...muscle('rhomboids')),
  identity('rhomboid', ...muscle('rhomboids')),
  identity('pec minor', ...muscle('pectoralis-minor')),
  identity('pec major', ...muscle('pectoralis-major')),
  topic('pecs', ...muscle('pectoralis-major', 'pectoralis-minor')),
  identity('deltoid', ...muscle('deltoid')),
  identity('biceps', ...muscle('biceps-brachii')),
  identity('biceps femoris', ...muscle('biceps-femoris')),
  identity('triceps', ...muscle('triceps-brachii')),
  topic('hamstrings', ...muscle('biceps-femoris', 'medial-hamstrings')),
  identity('gastroc', ...muscle('gastrocnemius')),
  identity('gastrocnemius', ...muscle('gastrocnemius')),
  identity('soleus', ...muscle('soleus')),
  identity('tibialis anterior', ...muscle('tibialis-anterior')),
  identity('ECRB', ...muscle('extensor-carpi-radialis')),
  identity('masseter', ...muscle('masseter')),
  identity('temporalis', ...muscle('temporalis')),
  identity('psoas', ...muscle('iliopsoas')),
  identity('iliopsoas', ...muscle('iliopsoas')),
  identity('serratus anterior', ...muscle('serratus-anterior')),
  identity('splenius capitis', ...muscle('splenius-capitis')),
  identity('suboccipitals', ...muscle('suboccipitals')),
  identity('VMO', ...muscle('vastus-medialis')),
  identity('vastus lateralis', ...muscle('vastus-lateralis')),
  identity('rectus femoris', ...muscle('rectus-femoris')),
  identity('fibularis longus', ...muscle('peroneus-longus')),
  identity('peroneus longus', ...muscle('peroneus-longus')),
  identity('brachioradialis', ...muscle('brachioradialis')),
  identity('supinator', ...muscle('supinator')),
  identity('pronator teres', ...muscle('pronator-teres')),
  topic('multifidus', ...muscle('lumbar-multifidus', 'cervical-multifidus')),
  topic('erector spinae', ...muscle('lumbar-paraspinals', 'thoracic-paraspinals')),

  // Typos.
  identity('trapezuis', ...TRAPEZIUS),
  identity('infraspinatous', ...muscle('infraspinatus')),
  identity('piriformus', ...muscle('piriformis')),
  identity('supraspinatis', ...muscle('supraspinatus')),
  identity('gastrocnemeus', ...muscle('gastrocnemius')),
  identity('sternocleidomastiod', ...muscle('sternocleidomastoid')),
  identity('temporalus', ...muscle('temporalis')),
  identity('brachioradialus', ...muscle('brachioradialis')),
  identity('subscapularus', ...muscle('subscapularis')),

  // Codes mixed with words, several codes, nerve roots.
  topic('bl 40 neck', point('BL40')),
  topic('st36 li4', point('ST36'), point('LI4')),
  topic('li4 pregnancy', point('LI4')),
  topic('(LI4) AND "neck', point('LI4')),
  // Every French sheet that holds "épaule" (shoulder), typed without the accent.
  topic(
    'epaule',
    ...[
      'after-acupuncture',
      'after-ims',
      'before-your-treatment',
      'consent-form',
      'electroacupuncture',
      'first-acupuncture-visit',
      'first-ims-visit'
    ].flatMap((id) => handout(id, 'fr-CA'))
  ),
  topic('C5-C6', ...C5_C6),
  topic('C5 C6', ...C5_C6),
  topic('L5', ...L5),
  topic('S1', ...S1),
  topic('L5 S1', ...L5),

  // Conditions the atlas ties to muscles.
  topic('tennis elbow', ...muscle('supinator', 'extensor-carpi-radialis', 'brachioradialis')),
  topic('lateral epicondylitis', ...muscle('supinator', 'extensor-carpi-radialis')),
  topic('frozen shoulder', ...muscle('subscapularis')),
  topic('sciatica', ...muscle('piriformis', 'gluteus-minimus')),
  topic('tension headache', ...muscle('upper-trapezius', 'suboccipitals', 'sternocleidomastoid')),
  topic('jaw pain', ...muscle('masseter', 'temporalis')),
  topic('TMJ', ...muscle('masseter', 'temporalis')),
  topic('calf cramp', ...muscle('gastrocnemius', 'soleus')),
  topic('stiff neck', ...muscle('levator-scapulae', 'upper-trapezius', 'splenius-capitis')),
  topic('heel pain', ...muscle('soleus')),
  topic(
    'low back pain',
    ...muscle('quadratus-lumborum', 'lumbar-paraspinals', 'lumbar-multifidus', 'gluteus-medius')
  ),
  topic(
    'neck pain',
    ...muscle('levator-scapulae', 'upper-trapezius', 'splenius-capitis', 'cervical-multifidus')
  ),
  topic(
    'headache',
    ...muscle('upper-trapezius', 'suboccipitals', 'sternocleidomastoid', 'temporalis')
  ),
  topic('shoulder pain', ...muscle('infraspinatus', 'supraspinatus', 'deltoid', 'subscapularis')),
  topic(
    'pregnancy points',
    ...article('screening-contraindications'),
    ...['LI4', 'SP6', 'BL60', 'BL67', 'GB21'].map(point)
  ),
  topic(
    'bruising after needling',
    ...handout('after-ims', 'en'),
    ...handout('after-acupuncture', 'en'),
    ...article('after-ims', 'after-acupuncture')
  ),

  // Aftercare, screening and explanations (front desk and patients' questions).
  topic('after IMS', ...handout('after-ims', 'en'), ...article('after-ims')),
  topic(
    'after acupuncture',
    ...handout('after-acupuncture', 'en'),
    ...article('after-acupuncture')
  ),
  topic(
    'acupuncture vs IMS',
    ...handout('acupuncture-vs-ims', 'en'),
    ...article('acupuncture-vs-ims')
  ),
  topic(
    'difference between acupuncture and IMS',
    ...handout('acupuncture-vs-ims', 'en'),
    ...article('acupuncture-vs-ims')
  ),
  topic('first IMS visit', ...handout('first-ims-visit', 'en')),
  topic('first acupuncture visit', ...handout('first-acupuncture-visit', 'en')),
  topic(
    'what to expect',
    ...handout('first-ims-visit', 'en'),
    ...handout('first-acupuncture-visit', 'en')
  ),
  topic('before your treatment', ...handout('before-your-treatment', 'en')),
  topic('health questions', ...handout('before-your-treatment', 'en')),
  topic('contraindications', ...article('screening-contraindications')),
  topic('screening', ...article('screening-contraindications')),
  topic('precautions', ...article('screening-contraindications')),
  topic('dry needling', ...article('dry-needling-and-ims')),
  topic('what is IMS', ...article('what-is-ims')),
  topic('what is acupuncture', ...article('what-is-acupuncture')),
  topic('intramuscular stimulation', ...article('what-is-ims')),
  topic('trigger point model', ...article('trigger-point-model-and-its-limits')),
  topic('course of care', ...article('course-of-care')),
  topic('reassessment', ...article('course-of-care')),
  topic('glossary', ...article('glossary')),
  topic('Gunn', ...article('what-is-ims', 'dry-needling-and-ims')),

  // French: accents optional.
  topic('après IMS', ...handout('after-ims', 'fr-CA')),
  topic('apres acupuncture', ...handout('after-acupuncture', 'fr-CA')),
  topic('première séance IMS', ...handout('first-ims-visit', 'fr-CA')),
  topic('premiere seance acupuncture', ...handout('first-acupuncture-visit', 'fr-CA')),
  topic('avant votre traitement', ...handout('before-your-treatment', 'fr-CA')),
  topic('quelle est la différence', ...handout('acupuncture-vs-ims', 'fr-CA')),

  // Chinese: words inside runs of characters.
  topic(
    '疼痛',
    ...handout('after-ims', 'zh-Hans'),
    ...handout('after-acupuncture', 'zh-Hans'),
    ...handout('acupuncture-vs-ims', 'zh-Hans'),
    ...handout('first-ims-visit', 'zh-Hans')
  ),
  topic('酸痛', ...handout('after-ims', 'zh-Hans'), ...handout('after-acupuncture', 'zh-Hans')),
  topic('温哥华', ...handout('acupuncture-vs-ims', 'zh-Hans')),
  topic('针灸治疗之后', ...handout('after-acupuncture', 'zh-Hans')),
  topic('IMS 治疗之后', ...handout('after-ims', 'zh-Hans')),
  topic('第一次针灸就诊', ...handout('first-acupuncture-visit', 'zh-Hans')),
  topic('治疗之前', ...handout('before-your-treatment', 'zh-Hans'))
]
