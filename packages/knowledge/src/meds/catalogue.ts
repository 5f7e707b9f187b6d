/**
 * The medicine catalogue: generic names with brand names and other spellings, and the classes the safety rules
 * work on. Brand names differ by country; the list covers common US, UK and EU names, not every product.
 */
export const medicineClasses = [
  'antiseizure',
  'valproate',
  'sodium-channel-blocker',
  'benzodiazepine',
  'alpha2delta-ligand',
  'dopamine-agonist',
  'levodopa',
  'opioid',
  'iron',
  'botulinum-toxin',
] as const;
export type MedicineClass = (typeof medicineClasses)[number];

export interface Medicine {
  id: string;
  /** Generic (international non-proprietary) name. */
  name: string;
  /** Brand names, salts and other spellings, matched case-insensitively as whole words. */
  synonyms: readonly string[];
  classes: readonly MedicineClass[];
  /** Knowledge entry describing the medicine or its group, when there is one. */
  entryId: string | null;
}

function med(id: string, name: string, classes: MedicineClass[], entryId: string | null, synonyms: string[]): Medicine {
  return { id, name, classes, entryId, synonyms };
}

export const medicineCatalogue: readonly Medicine[] = [
  med('valproate', 'valproate', ['antiseizure', 'valproate'], 'valproate', [
    'valproic acid', 'sodium valproate', 'valproate semisodium', 'divalproex', 'divalproex sodium', 'magnesium valproate',
    'Depakote', 'Depakene', 'Depakine', 'Depakine Chrono', 'Epilim', 'Epilim Chrono', 'Convulex', 'Episenta', 'Dyzantil',
    'Epival', 'Orfiril', 'Ergenyl', 'Belvo', 'Stavzor',
  ]),
  med('levetiracetam', 'levetiracetam', ['antiseizure'], 'levetiracetam', ['Keppra', 'Desitrend', 'Spritam', 'Elepsia', 'Matever']),
  med('brivaracetam', 'brivaracetam', ['antiseizure'], 'levetiracetam', ['Briviact', 'Brivlera']),
  med('piracetam', 'piracetam', [], 'piracetam', ['Nootropil', 'Lucetam', 'Nootropyl']),
  med('clonazepam', 'clonazepam', ['antiseizure', 'benzodiazepine'], 'clonazepam', ['Rivotril', 'Klonopin', 'Klonopin wafers', 'Paxam']),
  med('diazepam', 'diazepam', ['benzodiazepine'], 'clonazepam', ['Valium', 'Diastat', 'Valtoco', 'Stesolid']),
  med('lorazepam', 'lorazepam', ['benzodiazepine'], 'clonazepam', ['Ativan', 'Tavor']),
  med('clobazam', 'clobazam', ['antiseizure', 'benzodiazepine'], 'clonazepam', ['Frisium', 'Onfi', 'Sympazan', 'Tapclob']),
  med('alprazolam', 'alprazolam', ['benzodiazepine'], 'clonazepam', ['Xanax']),
  med('midazolam', 'midazolam', ['benzodiazepine'], 'clonazepam', ['Buccolam', 'Epistatus', 'Nayzilam', 'Dormicum']),
  med('temazepam', 'temazepam', ['benzodiazepine'], 'clonazepam', ['Restoril']),
  med('topiramate', 'topiramate', ['antiseizure'], 'topiramate', ['Topamax', 'Trokendi', 'Qudexy', 'Eprontia']),
  med('lamotrigine', 'lamotrigine', ['antiseizure'], 'lamotrigine', ['Lamictal', 'Lamictal XR', 'Subvenite']),
  med('zonisamide', 'zonisamide', ['antiseizure'], 'zonisamide', ['Zonegran', 'Zonisade']),
  med('perampanel', 'perampanel', ['antiseizure'], null, ['Fycompa']),
  med('primidone', 'primidone', ['antiseizure'], null, ['Mysoline']),
  med('phenobarbital', 'phenobarbital', ['antiseizure'], null, ['phenobarbitone', 'Luminal', 'Sezaby']),
  med('carbamazepine', 'carbamazepine', ['antiseizure', 'sodium-channel-blocker'], null, ['Tegretol', 'Tegretol Retard', 'Tegretol XR', 'Carbatrol', 'Equetro', 'Epitol', 'Carbagen']),
  med('oxcarbazepine', 'oxcarbazepine', ['antiseizure', 'sodium-channel-blocker'], null, ['Trileptal', 'Oxtellar XR', 'Oxtellar']),
  med('phenytoin', 'phenytoin', ['antiseizure', 'sodium-channel-blocker'], null, ['Dilantin', 'Epanutin', 'Phenytek', 'fosphenytoin', 'Cerebyx', 'Pro-Epanutin']),
  med('gabapentin', 'gabapentin', ['alpha2delta-ligand'], 'alpha2delta-ligands', ['Neurontin', 'Gralise', 'Gabarone']),
  med('gabapentin-enacarbil', 'gabapentin enacarbil', ['alpha2delta-ligand'], 'alpha2delta-ligands', ['Horizant', 'Regnite']),
  med('pregabalin', 'pregabalin', ['alpha2delta-ligand'], 'alpha2delta-ligands', ['Lyrica', 'Lyrica CR', 'Alzain', 'Axalid', 'Lecaent']),
  med('ropinirole', 'ropinirole', ['dopamine-agonist'], 'dopamine-agonists', ['Requip', 'Requip XL', 'Adartrel', 'Ropinirole XL']),
  med('pramipexole', 'pramipexole', ['dopamine-agonist'], 'dopamine-agonists', ['Mirapex', 'Mirapexin', 'Sifrol', 'Mirapex ER']),
  med('rotigotine', 'rotigotine', ['dopamine-agonist'], 'dopamine-agonists', ['Neupro', 'rotigotine patch']),
  med('cabergoline', 'cabergoline', ['dopamine-agonist'], 'dopamine-agonists', ['Dostinex', 'Cabaser']),
  med('levodopa', 'levodopa', ['levodopa'], 'dopamine-agonists', ['L-dopa', 'carbidopa-levodopa', 'co-careldopa', 'co-beneldopa', 'Sinemet', 'Madopar', 'Rytary', 'Stalevo']),
  med('ferrous-sulfate', 'ferrous sulfate', ['iron'], 'iron-therapy', ['ferrous sulphate', 'iron tablets', 'oral iron', 'Feosol', 'Fer-In-Sol', 'ferrous fumarate', 'ferrous gluconate']),
  med('ferric-carboxymaltose', 'ferric carboxymaltose', ['iron'], 'iron-therapy', ['Ferinject', 'Injectafer', 'IV iron', 'intravenous iron']),
  med('iron-sucrose', 'iron sucrose', ['iron'], 'iron-therapy', ['Venofer']),
  med('ferric-derisomaltose', 'ferric derisomaltose', ['iron'], 'iron-therapy', ['Monofer', 'Monoferric', 'iron isomaltoside']),
  med('botulinum-toxin', 'botulinum toxin', ['botulinum-toxin'], 'botulinum-toxin', ['Botox', 'onabotulinumtoxinA', 'Dysport', 'abobotulinumtoxinA', 'Xeomin', 'incobotulinumtoxinA', 'Myobloc', 'rimabotulinumtoxinB']),
  med('morphine', 'morphine', ['opioid'], null, ['MST Continus', 'Oramorph', 'MS Contin', 'Zomorph']),
  med('oxycodone', 'oxycodone', ['opioid'], null, ['OxyContin', 'OxyNorm', 'Roxicodone', 'Percocet', 'Targinact', 'Xtampza']),
  med('hydrocodone', 'hydrocodone', ['opioid'], null, ['Vicodin', 'Norco', 'Hysingla', 'Zohydro']),
  med('codeine', 'codeine', ['opioid'], null, ['co-codamol', 'Tylenol with codeine', 'Solpadeine', 'codeine phosphate']),
  med('dihydrocodeine', 'dihydrocodeine', ['opioid'], null, ['DF118', 'co-dydramol']),
  med('tramadol', 'tramadol', ['opioid'], null, ['Ultram', 'Zydol', 'Tramal', 'Zamadol', 'Tramacet']),
  med('tapentadol', 'tapentadol', ['opioid'], null, ['Nucynta', 'Palexia']),
  med('fentanyl', 'fentanyl', ['opioid'], null, ['Duragesic', 'Durogesic', 'Actiq', 'Abstral']),
  med('buprenorphine', 'buprenorphine', ['opioid'], null, ['Subutex', 'Suboxone', 'Butrans', 'BuTrans', 'Transtec', 'Sublocade']),
  med('methadone', 'methadone', ['opioid'], null, ['Dolophine', 'Methadose', 'Physeptone']),
  med('hydromorphone', 'hydromorphone', ['opioid'], null, ['Dilaudid', 'Palladone']),
];

/** Lower-case, accent-free, punctuation to spaces, doses and release suffixes removed. */
export function normaliseMedicineName(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|ml|iu|units?|%)\b/g, ' ')
    .replace(/[^a-z0-9-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

const lookup: ReadonlyArray<{ key: string; medicine: Medicine }> = medicineCatalogue
  .flatMap((m) => [m.name, m.id, ...m.synonyms].map((n) => ({ key: normaliseMedicineName(n), medicine: m })))
  // longest names first, so "gabapentin enacarbil" wins over "gabapentin"
  .sort((a, b) => b.key.length - a.key.length);

/**
 * The catalogue medicine named in `text` (brand, generic or salt, with or without a dose), or `null` when the name
 * is not recognised. Matching is on whole words, never by guessing a near spelling: a wrong match would give a wrong
 * safety alert.
 */
export function matchMedicine(text: string): Medicine | null {
  const norm = normaliseMedicineName(text);
  if (norm.trim().length === 0) return null;
  for (const { key, medicine } of lookup) if (norm.includes(key)) return medicine;
  return null;
}

/** The catalogue entry with this id; `undefined` when there is none. */
export function getMedicine(id: string): Medicine | undefined {
  return medicineCatalogue.find((m) => m.id === id);
}
