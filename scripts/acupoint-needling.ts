/**
 * `node --import tsx scripts/acupoint-needling.ts`: writes the `cun` and `needling` fields of the
 * 361 built-in points in resources/content/acupoints/*.yaml from the tables below, so every file
 * uses the same wording and layout. Not shipped; run it again after changing a table (it replaces
 * the fields it wrote and bumps a point's contentVersion only the first time it adds them).
 *
 * NEEDLING: one line per point, point-specific: `CODE ANGLE MIN-MAX [R] [| direction | caution |
 * note]`. ANGLE is P (perpendicular), O (oblique), T (transverse), OT (oblique or transverse) or X
 * (not needled: the caution says why). R marks a point whose textbook ranges differ: the more
 * conservative one is given and the page says so. Values: typical adult ranges from Deadman et al.
 * 2007 and the Chinese textbooks it follows, shallower where a flag warns (Peuker & Ernst).
 * An empty caution on a flagged point takes the flag's default below.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'
import { acupointFileSchema } from '../src/shared/atlas/content-schema'
import type { CunSegment } from '../src/shared/atlas/cun'

const DIR = join(__dirname, '..', 'resources', 'content', 'acupoints')

const RANGES_DIFFER = 'Ranges differ between texts; the more conservative one is given.'
const LUNG = 'Never perpendicular or deep: the lung lies close beneath (pneumothorax).'
const LUNG_BACK =
  'Never perpendicular or deep: the pleura and lung lie close beneath the back muscles here (pneumothorax).'
const LOWER_ABDOMEN =
  'Ask the patient to empty the bladder first. In pregnancy, no deep needling over the uterus (see the safety note).'
const KIDNEY = 'Deep perpendicular needling can reach the kidney.'
const SPINE =
  'Stay between the spinous processes and shallow: the spinal canal lies deeper. Stop if any electric sensation is felt.'
const PRICK = 'Often pricked to bleed instead.'
const CHANNEL_DEFAULTS: Readonly<Record<string, string>> = {
  'chest-wall': LUNG,
  vessel: 'Feel for the pulse and needle beside the vessel, never into it.',
  nerve:
    'An electric sensation means the nerve has been touched: withdraw slightly; do not manipulate.',
  pregnancy: 'In pregnancy: avoid, or follow clinic policy (see the safety note).'
}

const NEEDLING = `
LU1 OT 0.3-0.5 R | laterally, toward the shoulder | ${LUNG}
LU2 OT 0.3-0.5 R | laterally, toward the shoulder | ${LUNG}
LU3 P 0.5-1
LU4 P 0.5-1
LU5 P 0.5-1
LU6 P 0.5-1
LU7 O 0.3-0.5 R | proximally, along the forearm
LU8 P 0.2-0.3 | | Feel for the radial pulse and keep the needle on the thumb side of it.
LU9 P 0.2-0.3 | | Feel for the radial pulse and keep the needle on the thumb side of it.
LU10 P 0.5-1
LU11 P 0.1-0.2 | | | ${PRICK}
LI1 P 0.1-0.2 | | | ${PRICK}
LI2 P 0.2-0.3
LI3 P 0.5-1
LI4 P 0.5-1
LI5 P 0.3-0.5
LI6 O 0.5-1 | proximally, along the forearm
LI7 P 0.5-1
LI8 P 0.5-1
LI9 P 0.5-1
LI10 P 0.5-1
LI11 P 0.5-1
LI12 P 0.5-1
LI13 P 0.5-1
LI14 O 0.5-1 | upward into the deltoid
LI15 P 0.5-1 R | toward the centre of the shoulder joint, with the arm raised to the side
LI16 O 0.3-0.5 R | laterally, toward the shoulder joint, never down toward the chest | Never deep or straight down: the apex of the lung lies beneath (pneumothorax).
LI17 P 0.3-0.5 R | | Shallow only; avoid visible veins and do not angle deep or downward.
LI18 P 0.3-0.5 R | | Shallow only; feel for the carotid pulse and keep clear of it.
LI19 O 0.2-0.3 | upward and medially
LI20 O 0.3-0.5 | upward and medially, along the side of the nose
ST1 P 0.3-0.5 R | slowly along the floor of the orbit, eyeball held gently upward | Special technique only: eye closed, eyeball held gently upward, slow insertion without lifting, thrusting or rotating; press firmly for a minute after withdrawal (bleeding into the orbit). | Needle only if trained in the technique.
ST2 P 0.2-0.3 | | Do not push deep into the foramen or angle up into the orbit; press after withdrawal.
ST3 P 0.3-0.5
ST4 T 0.5-1 | toward ST6
ST5 O 0.3-0.5
ST6 P 0.3-0.5
ST7 P 0.5-1 | | | Needle with the mouth closed.
ST8 T 0.5-0.8 | along the scalp
ST9 P 0.2-0.4 R | | Hold the carotid artery aside with a finger; no strong manipulation. Carotid sinus stimulation can slow the heart and lower blood pressure: avoid the point if unsure.
ST10 P 0.3-0.5 R | | Feel for the carotid pulse and keep clear of it; shallow only.
ST11 O 0.2-0.3 R | away from the chest, never downward | Shallow only, never deep or downward: the lung apex and large vessels lie beneath.
ST12 O 0.2-0.3 R | away from the chest, never downward | Shallow only, never deep or downward: the lung apex, subclavian vessels and brachial plexus lie beneath.
ST13 OT 0.3-0.5 R | laterally, along the intercostal space
ST14 OT 0.3-0.5 R | laterally, along the intercostal space
ST15 OT 0.3-0.5 R | laterally, along the intercostal space
ST16 OT 0.3-0.5 R | laterally, along the intercostal space
ST17 X | | A landmark over the nipple and the chest wall; moxibustion is also avoided here.
ST18 OT 0.3-0.5 R | laterally, along the intercostal space
ST19 P 0.3-0.8 | | Deep needling can reach an enlarged liver (right side).
ST20 P 0.5-0.8
ST21 P 0.5-1
ST22 P 0.5-1
ST23 P 0.5-1
ST24 P 0.5-1
ST25 P 0.5-1
ST26 P 0.5-1
ST27 P 0.5-1
ST28 P 0.5-1 | | ${LOWER_ABDOMEN}
ST29 P 0.5-1 | | ${LOWER_ABDOMEN}
ST30 P 0.5-0.8 | | Feel for the femoral pulse and keep medial to it. ${LOWER_ABDOMEN}
ST31 P 0.8-1.5
ST32 P 1-1.5
ST33 P 0.5-1
ST34 P 0.5-1
ST35 O 0.5-1 | medially, toward the centre of the knee, knee bent | The needle can enter the knee joint: clean technique matters (joint infection).
ST36 P 1-1.5
ST37 P 1-1.5
ST38 P 1-1.5
ST39 P 1-1.5
ST40 P 1-1.5
ST41 P 0.3-0.5
ST42 P 0.2-0.3
ST43 P 0.3-0.5
ST44 O 0.3-0.5 | proximally
ST45 P 0.1-0.2 | | | ${PRICK}
SP1 P 0.1-0.2 | | | ${PRICK}
SP2 P 0.2-0.3
SP3 P 0.5-0.8
SP4 P 0.5-1
SP5 P 0.3-0.5
SP6 P 1-1.5
SP7 P 0.5-1
SP8 P 1-1.5
SP9 P 1-1.5 R
SP10 P 1-1.5
SP11 P 0.3-0.5 | | Feel for the femoral pulse and keep clear of it; shallow only.
SP12 P 0.5-1 | | Feel for the femoral pulse and keep lateral to it. ${LOWER_ABDOMEN}
SP13 P 0.5-1 | | ${LOWER_ABDOMEN}
SP14 P 0.5-1 | | ${LOWER_ABDOMEN}
SP15 P 0.5-1 | | ${LOWER_ABDOMEN}
SP16 P 0.5-0.8 | | Deep needling can reach an enlarged liver or spleen.
SP17 OT 0.3-0.5 R | laterally, along the intercostal space
SP18 OT 0.3-0.5 R | laterally, along the intercostal space
SP19 OT 0.3-0.5 R | laterally, along the intercostal space
SP20 OT 0.3-0.5 R | laterally, along the intercostal space
SP21 OT 0.3-0.5 R | along the intercostal space
HT1 P 0.3-0.5 R | | Feel for the axillary pulse and needle beside it; never deep or toward the chest wall.
HT2 P 0.3-0.5 R | | Feel for the brachial pulse and keep clear of it. | Some classical texts allow only moxibustion here.
HT3 P 0.5-1
HT4 P 0.3-0.5
HT5 P 0.3-0.5
HT6 P 0.3-0.5
HT7 P 0.3-0.5
HT8 P 0.3-0.5
HT9 P 0.1-0.2 | | | ${PRICK}
SI1 P 0.1-0.2 | | | ${PRICK}
SI2 P 0.2-0.3
SI3 P 0.5-1
SI4 P 0.3-0.5
SI5 P 0.3-0.5
SI6 O 0.5-0.8 | proximally, along the forearm
SI7 P 0.5-0.8
SI8 P 0.3-0.5
SI9 P 0.5-1 R | | Needle with the arm at the side; do not angle toward the armpit.
SI10 P 0.5-1
SI11 P 0.5-1
SI12 P 0.5-1
SI13 O 0.3-0.5 R | laterally, along the supraspinous fossa | ${LUNG_BACK}
SI14 O 0.3-0.5 R | toward the scapula, never toward the chest | ${LUNG_BACK}
SI15 O 0.3-0.5 R | toward the scapula, never toward the chest | ${LUNG_BACK}
SI16 P 0.3-0.5
SI17 P 0.3-0.5 R | | Shallow only; never angle medially.
SI18 P 0.3-0.5
SI19 P 0.5-1 | | | Needle with the mouth slightly open.
BL1 P 0.2-0.5 R | slowly along the medial wall of the orbit, eyeball held gently aside | Special technique only: eye closed, eyeball held gently aside, slow insertion without lifting, thrusting or rotating; press firmly for a minute after withdrawal (bleeding into the orbit). | Needle only if trained in the technique.
BL2 T 0.3-0.5 | along the eyebrow, or down toward BL1; never into the orbit | Press after withdrawal: the skin bruises easily.
BL3 T 0.5-0.8 | along the scalp
BL4 T 0.5-0.8 | along the scalp
BL5 T 0.5-0.8 | along the scalp
BL6 T 0.5-0.8 | along the scalp
BL7 T 0.5-0.8 | along the scalp
BL8 T 0.5-0.8 | along the scalp
BL9 T 0.3-0.5 | along the scalp
BL10 P 0.3-0.5 R | straight in, never upward and medially | Never deep, upward or medially: the vertebral artery and the medulla lie beyond.
${[11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21].map((n) => `BL${n} OT 0.3-0.5 R | shallow, along the back | ${LUNG_BACK}`).join('\n')}
BL22 P 0.5-1 | | ${KIDNEY}
BL23 P 0.5-1 | | ${KIDNEY}
BL24 P 0.5-1
BL25 P 0.5-1
BL26 P 0.5-1
BL27 P 0.5-1
BL28 P 0.5-1
BL29 P 0.5-1
BL30 P 0.5-1
BL31 P 0.5-1 R | into the sacral foramen
BL32 P 0.5-1 R | into the sacral foramen
BL33 P 0.5-1 R | into the sacral foramen
BL34 P 0.5-1 R | into the sacral foramen
BL35 P 0.5-1
BL36 P 1-1.5 R
BL37 P 1-1.5 R
BL38 P 0.5-1
BL39 P 0.5-1
BL40 P 0.5-1 | | Feel for the popliteal pulse and needle beside it; shallow in thin legs. | Superficial veins here are sometimes pricked to bleed.
${[41, 42, 43, 44, 45, 46, 47, 48, 49, 50].map((n) => `BL${n} OT 0.3-0.5 R | shallow, along the back | ${LUNG_BACK}`).join('\n')}
BL51 O 0.5-0.8 | toward the spine | ${KIDNEY}
BL52 P 0.5-0.8 | | ${KIDNEY}
BL53 P 1-1.5
BL54 P 1.5-2 R | | An electric sensation down the leg means a nerve has been touched: withdraw slightly.
BL55 P 0.5-1
BL56 P 1-1.5
BL57 P 1-1.5
BL58 P 1-1.5
BL59 P 0.5-1
BL60 P 0.5-1
BL61 P 0.3-0.5
BL62 P 0.3-0.5
BL63 P 0.3-0.5
BL64 P 0.3-0.5
BL65 P 0.3-0.5
BL66 P 0.2-0.3
BL67 P 0.1-0.2 | | | ${PRICK} Moxibustion is used here for breech presentation.
KI1 P 0.5-1 | | | Usually painful; pressure or moxibustion is a gentler alternative.
KI2 P 0.5-1
KI3 P 0.5-1
KI4 P 0.3-0.5
KI5 P 0.3-0.5
KI6 P 0.3-0.5
KI7 P 0.5-1
KI8 P 0.5-1
KI9 P 0.5-1
KI10 P 0.5-1
KI11 P 0.5-1 | | ${LOWER_ABDOMEN}
KI12 P 0.5-1 | | ${LOWER_ABDOMEN}
KI13 P 0.5-1 | | ${LOWER_ABDOMEN}
KI14 P 0.5-1 | | ${LOWER_ABDOMEN}
KI15 P 0.5-1 | | ${LOWER_ABDOMEN}
KI16 P 0.5-1 | | ${LOWER_ABDOMEN}
KI17 P 0.5-1
KI18 P 0.5-1
KI19 P 0.5-1
KI20 P 0.5-1
KI21 P 0.3-0.5 | | Deep needling can reach an enlarged liver (right side).
KI22 OT 0.3-0.5 R | laterally, along the intercostal space
KI23 OT 0.3-0.5 R | laterally, along the intercostal space
KI24 OT 0.3-0.5 R | laterally, along the intercostal space
KI25 OT 0.3-0.5 R | laterally, along the intercostal space
KI26 OT 0.3-0.5 R | laterally, along the intercostal space
KI27 OT 0.3-0.5 R | laterally, below the collarbone
PC1 OT 0.3-0.5 R | laterally, along the intercostal space
PC2 P 0.5-1
PC3 P 0.5-1 | | Feel for the brachial pulse and needle beside it. | ${PRICK}
PC4 P 0.5-1
PC5 P 0.5-1
PC6 P 0.5-1
PC7 P 0.3-0.5
PC8 P 0.3-0.5
PC9 P 0.1-0.2 | | | ${PRICK}
TE1 P 0.1-0.2 | | | ${PRICK}
TE2 P 0.3-0.5
TE3 P 0.5-1
TE4 P 0.3-0.5
TE5 P 0.5-1
TE6 P 0.5-1
TE7 P 0.5-1
TE8 P 0.5-1
TE9 P 0.5-1
TE10 P 0.5-1
TE11 P 0.5-1
TE12 P 0.5-1
TE13 P 0.5-1
TE14 P 0.5-1 | toward the centre of the shoulder joint, with the arm raised to the side
TE15 O 0.3-0.5 R | toward the scapula, never down toward the chest | Never deep or straight down: the apex of the lung lies beneath (pneumothorax).
TE16 P 0.3-0.5 | | Shallow only; do not angle forward or deep.
TE17 P 0.5-0.8 R | | Gently and not deep: the facial nerve leaves the skull beneath.
TE18 T 0.2-0.3 | | | ${PRICK}
TE19 T 0.2-0.3
TE20 T 0.3-0.5 | along the scalp
TE21 P 0.5-1 | | | Needle with the mouth open.
TE22 O 0.2-0.3 | | Feel for the superficial temporal pulse and keep clear of it.
TE23 T 0.3-0.5 R | backward along the eyebrow, away from the eye | Press after withdrawal: the skin bruises easily.
GB1 T 0.3-0.5 | laterally, away from the eye | Press after withdrawal: the skin bruises easily.
GB2 P 0.5-1 | | | Needle with the mouth open.
GB3 P 0.3-0.5
GB4 T 0.5-0.8 | along the scalp
GB5 T 0.5-0.8 | along the scalp
GB6 T 0.5-0.8 | along the scalp
GB7 T 0.5-0.8 | along the scalp
GB8 T 0.5-0.8 | along the scalp
GB9 T 0.5-0.8 | along the scalp
GB10 T 0.3-0.5 | along the scalp
GB11 T 0.3-0.5 | along the scalp
GB12 O 0.5-0.8 | downward
GB13 T 0.5-0.8 | along the scalp
GB14 T 0.5-0.8 | downward, along the forehead
GB15 T 0.5-0.8 | along the scalp
GB16 T 0.5-0.8 | along the scalp
GB17 T 0.5-0.8 | along the scalp
GB18 T 0.5-0.8 | along the scalp
GB19 T 0.5-0.8 | along the scalp
GB20 O 0.5-0.8 R | toward the tip of the nose, never upward and medially toward the skull base | Never deep, upward or medially: the vertebral artery and the medulla lie beyond.
GB21 OT 0.3-0.5 R | backward, with the trapezius lifted between two fingers; never straight down | Never deep or straight down: the apex of the lung lies beneath (pneumothorax). In pregnancy: avoid, or follow clinic policy.
GB22 OT 0.3-0.5 R | along the intercostal space
GB23 OT 0.3-0.5 R | along the intercostal space
GB24 OT 0.3-0.5 R | laterally, along the intercostal space
GB25 P 0.5-0.8 | | ${KIDNEY}
GB26 P 0.5-1
GB27 P 0.5-1
GB28 P 0.5-1
GB29 P 1-1.5
GB30 P 1.5-2.5 R
GB31 P 1-1.5
GB32 P 1-1.5
GB33 P 0.5-1
GB34 P 1-1.5
GB35 P 0.5-1
GB36 P 0.5-1
GB37 P 0.5-1
GB38 P 0.5-1
GB39 P 0.5-1
GB40 P 0.5-1
GB41 P 0.5-0.8
GB42 P 0.3-0.5
GB43 P 0.3-0.5
GB44 P 0.1-0.2 | | | ${PRICK}
LR1 P 0.1-0.2 | | | ${PRICK}
LR2 P 0.5-0.8
LR3 P 0.5-1
LR4 P 0.5-0.8
LR5 T 0.5-0.8 | along the surface of the tibia
LR6 T 0.5-0.8 | along the surface of the tibia
LR7 P 0.5-1
LR8 P 0.5-1
LR9 P 1-1.5
LR10 P 0.5-1 R
LR11 P 0.5-1 R
LR12 P 0.5-0.8 | | Feel for the femoral pulse and keep medial to it; shallow only.
LR13 P 0.5-0.8 | | Deep needling can reach an enlarged liver or spleen.
LR14 OT 0.3-0.5 R | laterally, along the intercostal space
GV1 O 0.5-1 | upward, close in front of the coccyx | Stay close to the coccyx: do not enter the rectum.
GV2 O 0.5-1 | upward
GV3 P 0.5-1 | slightly upward | ${SPINE}
GV4 P 0.5-1 | slightly upward | ${SPINE}
GV5 P 0.5-1 | slightly upward | ${SPINE}
${[6, 7, 8, 9, 10, 11, 12, 13].map((n) => `GV${n} O 0.5-0.8 R | upward, between the spinous processes | ${SPINE}`).join('\n')}
GV14 P 0.5-0.8 R | straight in, never upward | Never deep or upward: the spinal cord lies beneath.
GV15 P 0.3-0.5 R | straight in or slightly down toward the chin, head bent slightly forward; never upward | Never upward and never deep: the medulla lies beneath at the foramen magnum. Do not manipulate.
GV16 P 0.3-0.5 R | straight in or slightly down toward the chin, head bent slightly forward; never upward | Never upward and never deep: the medulla lies beneath at the foramen magnum. Do not manipulate.
GV17 T 0.5-0.8 | along the scalp
GV18 T 0.5-0.8 | along the scalp
GV19 T 0.5-0.8 | along the scalp
GV20 T 0.5-0.8 | along the scalp
GV21 T 0.5-0.8 | along the scalp
GV22 T 0.5-0.8 | along the scalp | In infants, not needled before the fontanelle closes.
GV23 T 0.5-0.8 | along the scalp
GV24 T 0.5-0.8 | along the scalp
GV25 O 0.2-0.3 | upward | | ${PRICK}
GV26 O 0.3-0.5 | upward
GV27 O 0.2-0.3 | upward
GV28 O 0.1-0.2 | upward | | ${PRICK}
CV1 P 0.5-1 | | | Rarely needled; offer a chaperone.
CV2 P 0.5-1 | | ${LOWER_ABDOMEN}
CV3 P 0.5-1 | | ${LOWER_ABDOMEN}
CV4 P 0.5-1 | | ${LOWER_ABDOMEN}
CV5 P 0.5-1 | | ${LOWER_ABDOMEN}
CV6 P 0.5-1 | | ${LOWER_ABDOMEN}
CV7 P 0.5-1 | | ${LOWER_ABDOMEN}
CV8 X | | The navel is hard to keep clean: it is treated with moxibustion only.
CV9 P 0.5-1
CV10 P 0.5-1
CV11 P 0.5-1
CV12 P 0.5-1
CV13 P 0.5-1
CV14 O 0.3-0.5 R | downward, never upward toward the chest | Never upward or deep: the heart lies above and the liver beneath.
CV15 O 0.3-0.5 R | downward, never upward toward the chest | Never upward or deep: the heart lies above and the liver beneath.
CV16 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV17 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV18 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV19 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV20 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV21 T 0.3-0.5 | along the sternum | Only along the bone, never perpendicular: a sternal foramen can let the needle reach the heart.
CV22 O 0.2-0.3 R | slightly downward, staying in front of the top of the sternum and in the midline | Shallow and in the midline only: the trachea lies beneath and the great vessels and lung apices behind and beside the top of the sternum. Never angle sideways. | Texts also describe a deeper technique down behind the sternum; it needs specific training and is not given here.
CV23 O 0.5-0.8 | upward, toward the root of the tongue
CV24 O 0.2-0.3 | upward
`

/** The proportional measures each location relies on (only points whose location gives cun). */
const CUN: Readonly<Partial<Record<CunSegment, string>>> = {
  'head-length':
    'BL3 BL4 BL5 BL6 BL7 BL8 GB8 GB9 GB13 GB15 GB16 GB17 GB18 ST8 GV15 GV16 GV17 GV18 GV19 GV20 GV21 GV22 GV23 GV24',
  'brow-hairline': 'GB14',
  'head-width-front': 'BL4 BL5 BL6 BL7 BL8 GB13 ST8',
  'head-width-back': 'BL9 BL10',
  'hairline-c7': 'GV15',
  'back-width':
    'BL11 BL12 BL13 BL14 BL15 BL16 BL17 BL18 BL19 BL20 BL21 BL22 BL23 BL24 BL25 BL26 BL27 BL28 BL29 BL30 BL35 BL41 BL42 BL43 BL44 BL45 BL46 BL47 BL48 BL49 BL50 BL51 BL52 BL53 BL54 SI14 SI15',
  'chest-width':
    'LU1 LU2 PC1 KI11 KI12 KI13 KI14 KI15 KI16 KI17 KI18 KI19 KI20 KI21 KI22 KI23 KI24 KI25 KI26 KI27 ST12 ST13 ST14 ST15 ST16 ST18 ST19 ST20 ST21 ST22 ST23 ST24 ST25 ST26 ST27 ST28 ST29 ST30 SP12 SP13 SP14 SP15 SP16 SP17 SP18 SP19 SP20 GB24 LR12 LR14',
  sternum: 'CV21',
  'upper-abdomen':
    'CV9 CV10 CV11 CV12 CV13 CV14 CV15 ST19 ST20 ST21 ST22 ST23 ST24 KI17 KI18 KI19 KI20 KI21 SP16',
  'lower-abdomen':
    'CV3 CV4 CV5 CV6 CV7 ST26 ST27 ST28 ST29 ST30 KI11 KI12 KI13 KI14 KI15 SP14 GB27',
  flank: 'GB22',
  'upper-arm': 'LU3 LU4 LI12 LI13 LI14 HT2 PC2 SI9 TE10 TE11 TE13',
  forearm: 'LU6 LU7 LU8 LI6 LI7 LI8 LI9 LI10 HT4 HT5 HT6 SI6 SI7 PC4 PC5 PC6 TE5 TE6 TE7 TE8 TE9',
  'thigh-medial': 'SP10 SP11 LR9 LR10 LR11',
  'thigh-lateral': 'GB31 GB32 ST32 ST33 ST34',
  'thigh-back': 'BL37 BL38',
  'lower-leg-medial': 'SP6 SP7 SP8 LR5 LR6 KI7 KI8 KI9',
  'lower-leg-lateral': 'ST36 ST37 ST38 ST39 ST40 GB35 GB36 GB37 GB38 GB39 BL55 BL56 BL57 BL58 BL59',
  'ankle-sole': 'BL61 KI5 KI6 ST42',
  'finger-cun': 'GB1 GB23 GB28 ST2 ST4 LR7 LI17 SP13'
}

const ANGLES: Readonly<Record<string, string>> = {
  P: 'perpendicular',
  O: 'oblique',
  T: 'transverse',
  OT: '[oblique, transverse]'
}

interface Row {
  readonly code: string
  readonly lines: string[]
}

const q = (s: string): string => JSON.stringify(s)

function needlingRows(): Map<string, Row> {
  const rows = new Map<string, Row>()
  for (const raw of NEEDLING.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    const [head = '', direction = '', caution = '', note = ''] = line
      .split('|')
      .map((part) => part.trim())
    const [code = '', angle = '', depth = '', differ] = head.split(/\s+/)
    if (rows.has(code)) throw new Error(`${code} twice`)
    const out = ['  needling:']
    if (angle === 'X') {
      out.push('    notNeedled: true')
    } else {
      const [min, max] = depth.split('-')
      const angles = ANGLES[angle]
      if (!angles || !min || !max) throw new Error(`bad line: ${line}`)
      out.push(`    angle: ${angles}`)
      if (direction) out.push(`    direction: ${q(direction)}`)
      out.push(`    depth: { min: ${min}, max: ${max}, unit: cun }`)
    }
    if (caution) out.push(`    caution: ${q(caution)}`)
    const notes = [differ === 'R' ? RANGES_DIFFER : '', note].filter(Boolean).join(' ')
    if (notes) out.push(`    note: ${q(notes)}`)
    rows.set(code, { code, lines: out })
  }
  return rows
}

function cunOf(code: string): CunSegment[] {
  return (Object.entries(CUN) as [CunSegment, string][])
    .filter(([, codes]) => codes.split(' ').includes(code))
    .map(([key]) => key)
}

const NEEDLING_NOTE =
  'Needling angles and depths are typical adult ranges written as data from this text (the more conservative range where texts differ); not yet re-checked point by point against the printed page.'

/** Rewrites one entry's lines: drops the fields this script writes, then adds them again. */
function rewriteEntry(entry: string[], code: string, flags: readonly string[], row: Row): string[] {
  const hadNeedling = entry.some((l) => l.startsWith('  needling:'))
  const kept: string[] = []
  let skipping = false
  for (const l of entry) {
    if (l.startsWith('  needling:') || l.startsWith('  cun:')) {
      skipping = l.startsWith('  needling:')
      continue
    }
    if (skipping && l.startsWith('    ')) continue
    skipping = false
    kept.push(l)
  }
  const needling = [...row.lines]
  if (!needling.some((l) => l.startsWith('    caution:')) && flags.length > 0) {
    const defaults = flags.map((f) => CHANNEL_DEFAULTS[f]).filter(Boolean)
    if (defaults.length > 0) {
      const at = needling.findIndex((l) => l.startsWith('    note:'))
      const line = `    caution: ${q(defaults.join(' '))}`
      if (at < 0) needling.push(line)
      else needling.splice(at, 0, line)
    }
  }
  const segments = cunOf(code)
  const at = kept.findIndex((l) => l.startsWith('  contentVersion:'))
  if (at < 0) throw new Error(`${code}: no contentVersion`)
  const insert = [...(segments.length ? [`  cun: [${segments.join(', ')}]`] : []), ...needling]
  kept.splice(at, 0, ...insert)
  if (!hadNeedling) {
    const v = kept.findIndex((l) => l.startsWith('  contentVersion:'))
    kept[v] = `  contentVersion: ${Number(kept[v]?.split(':')[1]) + 1}`
  }
  // The Deadman reference says how the needling data was written (once).
  const deadman = kept.findIndex((l) => l.includes('authors: Deadman P'))
  if (deadman >= 0) {
    const end = kept.findIndex((l, i) => i > deadman && !l.startsWith('      '))
    const block = kept.slice(deadman + 1, end < 0 ? undefined : end)
    if (!block.some((l) => l.startsWith('      note:'))) {
      kept.splice(end < 0 ? kept.length : end, 0, `      note: ${q(NEEDLING_NOTE)}`)
    }
  }
  return kept
}

function main(): void {
  const rows = needlingRows()
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    const path = join(DIR, file)
    const text = readFileSync(path, 'utf8')
    const points = acupointFileSchema.parse(parse(text))
    const lines = text.split('\n')
    const starts = lines.flatMap((l, i) => (l.startsWith('- code: ') ? [i] : []))
    const out = lines.slice(0, starts[0])
    starts.forEach((start, k) => {
      const end = starts[k + 1] ?? lines.length
      const code = (lines[start] ?? '').slice('- code: '.length).trim()
      const point = points.find((p) => p.code === code)
      const row = rows.get(code)
      if (!point || !row) throw new Error(`${code}: no point or no needling line`)
      out.push(...rewriteEntry(lines.slice(start, end), code, point.flags, row))
      rows.delete(code)
    })
    const written = out.join('\n')
    acupointFileSchema.parse(parse(written))
    writeFileSync(path, written)
  }
  if (rows.size > 0)
    throw new Error(`needling lines without a point: ${[...rows.keys()].join(' ')}`)
}

main()
