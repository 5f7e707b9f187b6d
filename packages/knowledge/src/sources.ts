import type { Source } from './schema.js';

/**
 * Every source the knowledge base, triage and medication rules cite. Entries reference these objects directly, so a
 * misspelt source is a type error. Where a source was only read as an abstract or through a secondary page, `note`
 * says so (see /docs/knowledge.md for the verification policy).
 */
/** A PubMed query link, used where we could not confirm the DOI from here; it finds the paper as its first hit. */
function pubmed(term: string): string {
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(term)}`;
}

function s(id: string, citation: string, url: string, note?: string): Source {
  return note === undefined ? { id, citation, url } : { id, citation, url, note };
}

export const S = {
  ninds: s('ninds', 'National Institute of Neurological Disorders and Stroke (NINDS). Myoclonus (health information page).', 'https://www.ninds.nih.gov/health-information/disorders/myoclonus'),
  cavinessBrown2004: s('cavinessBrown2004', 'Caviness JN, Brown P. Myoclonus: current concepts and recent advances. Lancet Neurol 2004;3:598–607.', 'https://doi.org/10.1016/S1474-4422(04)00880-4'),
  caviness2014: s('caviness2014', 'Caviness JN. Treatment of myoclonus. Neurotherapeutics 2014;11:188–200.', 'https://doi.org/10.1007/s13311-013-0216-3'),
  levyChen2016: s('levyChen2016', 'Levy A, Chen R. Myoclonus: pathophysiology and treatment options. Curr Treat Options Neurol 2016;18:21.', 'https://doi.org/10.1007/s11940-016-0404-7'),
  eberhardtTopka2017: s('eberhardtTopka2017', 'Eberhardt O, Topka H. Myoclonic disorders. Brain Sci 2017;7:103.', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC5575623/'),
  zutt2015: s('zutt2015', 'Zutt R, van Egmond ME, Elting JW, et al. A novel diagnostic approach to patients with myoclonus. Nat Rev Neurol 2015;11:687–697.', 'https://doi.org/10.1038/nrneurol.2015.198'),
  kojovic2011: s('kojovic2011', 'Kojovic M, Cordivari C, Bhatia K. Myoclonic disorders: a practical approach for diagnosis and treatment. Ther Adv Neurol Disord 2011;4:47–62.', pubmed('Kojovic Cordivari Bhatia myoclonic disorders practical approach 2011')),
  merchant2020: s('merchant2020', 'Merchant SHI, Vial-Undurraga F, Leodori G, van Gerpen JA, Hallett M. Myoclonus: an electrophysiological diagnosis. Mov Disord Clin Pract 2020;7:489–499.', 'https://doi.org/10.1002/mdc3.12986', 'read through notes quoting it (filter settings); see myoclonus-clinical.md §4.1'),
  silentPeriods2023: s('silentPeriods2023', 'Silent periods in negative myoclonus (classification 50–69, 70–100, 101–500 ms). Clin Neurophysiol 2023;156:166.', 'https://pubmed.ncbi.nlm.nih.gov/37952446/'),
  hypnicParkinsonism2016: s('hypnicParkinsonism2016', 'Hypnic jerks are an underestimated sleep motor phenomenon in patients with parkinsonism. Sleep Med 2016;26:37–44 (introduction: prevalence 60–70% in the general population).', 'https://pubmed.ncbi.nlm.nih.gov/28007358/'),
  whitneyWeiss2018: s('whitneyWeiss2018', 'Whitney R, Weiss SK. Sleep-related movement disorders: hypnic jerks. Curr Sleep Med Rep 2018;4:19–27.', 'https://doi.org/10.1007/s40675-018-0104-9'),
  maurer2010: s('maurer2010', 'Maurer VO, Rizzi M, Bianchetti MG, Ramelli GP. Benign neonatal sleep myoclonus: a review of the literature. Pediatrics 2010;125:e919–e924.', 'https://doi.org/10.1542/peds.2009-1839'),
  steger2015: s('steger2015', 'Steger M, Schneemann M, Fox M. Systemic review: the pathogenesis and pharmacological treatment of hiccups. Aliment Pharmacol Ther 2015;42:1037–1050.', pubmed('Steger Schneemann Fox hiccups systemic review 2015')),
  lanceAdams1963: s('lanceAdams1963', 'Lance JW, Adams RD. The syndrome of intention or action myoclonus as a sequel to hypoxic encephalopathy. Brain 1963;86:111–136.', pubmed('Lance Adams intention action myoclonus hypoxic encephalopathy 1963')),
  elmer2016: s('elmer2016', 'Elmer J, Rittenberger JC, Faro J, et al. Clinically distinct electroencephalographic phenotypes of early myoclonus after cardiac arrest. Ann Neurol 2016;80:175–184.', pubmed('Elmer myoclonus after cardiac arrest EEG phenotypes 2016')),
  beagle2017: s('beagle2017', 'Beagle AJ, Darwish SM, Ranasinghe KG, et al. Relative incidence of seizures and myoclonus in Alzheimer’s disease, dementia with Lewy bodies, and frontotemporal dementia. J Alzheimers Dis 2017;60:211–223.', pubmed('Beagle seizures myoclonus Alzheimer Lewy frontotemporal 2017')),
  nindsCjd: s('nindsCjd', 'NINDS. Creutzfeldt-Jakob disease (health information page).', 'https://www.ninds.nih.gov/health-information/disorders/creutzfeldt-jakob-disease'),
  nindsInfantileSpasms: s('nindsInfantileSpasms', 'NINDS. Infantile spasms (health information page).', 'https://www.ninds.nih.gov/health-information/disorders/infantile-spasms'),
  pellock2010: s('pellock2010', 'Pellock JM, Hrachovy R, Shinnar S, et al. Infantile spasms: a U.S. consensus report. Epilepsia 2010;51:2175–2189.', pubmed('Pellock infantile spasms U.S. consensus report 2010')),
  nhsMeningitis: s('nhsMeningitis', 'NHS. Meningitis: symptoms and when to get help.', 'https://www.nhs.uk/conditions/meningitis/'),
  nhsEncephalitis: s('nhsEncephalitis', 'NHS. Encephalitis: symptoms and when to get help.', 'https://www.nhs.uk/conditions/encephalitis/'),
  boyerShannon2005: s('boyerShannon2005', 'Boyer EW, Shannon M. The serotonin syndrome. N Engl J Med 2005;352:1112–1120.', 'https://doi.org/10.1056/NEJMra041867'),
  erro2013: s('erro2013', 'Erro R, Bhatia KP, Edwards MJ, Farmer SF, Cordivari C. Clinical diagnosis of propriospinal myoclonus is unreliable: an electrophysiologic study. Mov Disord 2013;28:1868–1873.', pubmed('Erro propriospinal myoclonus unreliable electrophysiologic 2013')),
  vanDerSalm2012: s('vanDerSalm2012', 'van der Salm SMA, Tijssen MAJ, Koelman JHTM, van Rootselaar AF. The Bereitschaftspotential in jerky movement disorders. J Neurol Neurosurg Psychiatry 2012;83:1162–1167.', pubmed('van der Salm Bereitschaftspotential jerky movement disorders 2012')),
  // treatment and safety (see /work/shared/docs/myoclonus-clinical.md §2)
  ferlazzo2017: s('ferlazzo2017', 'Ferlazzo E, Trenite DK, de Haan GJ, et al. Update on pharmacological treatment of progressive myoclonus epilepsies. Curr Pharm Des 2017;23:5662–5666.', pubmed('Ferlazzo progressive myoclonus epilepsies pharmacological treatment 2017'), 'valproate drug of choice in PME except mitochondrial PME; avoid carbamazepine and phenytoin'),
  guerrini1998: s('guerrini1998', 'Guerrini R, Dravet C, Genton P, et al. Lamotrigine and seizure aggravation in severe myoclonic epilepsy. Epilepsia 1998;39:508–512.', 'https://doi.org/10.1111/j.1528-1157.1998.tb01413.x'),
  gesche2021: s('gesche2021', 'Gesche J, et al. Lamotrigine-associated aggravation in genetic generalised epilepsy (471 adults; risk 7.9% in JME). 2021.', pubmed('Gesche lamotrigine aggravation generalized epilepsy'), 'figures as recorded in myoclonus-clinical.md §2.2; full citation not re-checked'),
  medlinkJme: s('medlinkJme', 'MedLink Neurology. Juvenile myoclonic epilepsy (clinical summary).', 'https://www.medlink.com/articles/juvenile-myoclonic-epilepsy'),
  medlinkMyoclonicSeizures: s('medlinkMyoclonicSeizures', 'MedLink Neurology. Myoclonic seizures (clinical summary).', 'https://www.medlink.com/articles/myoclonic-seizures'),
  gelisse2004: s('gelisse2004', 'Gelisse P, Genton P, Kuate C, et al. Worsening of seizures by oxcarbazepine in juvenile idiopathic generalized epilepsies. Epilepsia 2004;45:1282–1286.', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC1201642/', 'abstract read via the Epilepsy Currents commentary (PMC1201642)'),
  desai2019: s('desai2019', 'Desai A, et al. Myoclonus induced by gabapentin or pregabalin: case series (6 patients with and 1 without renal insufficiency). J Clin Neurosci 2019;61:225.', pubmed('Desai gabapentin pregabalin myoclonus J Clin Neurosci 2019')),
  kim2017: s('kim2017', 'Kim JB, Jung JM, Park MH, Lee EJ, Kwon DY. Negative myoclonus induced by gabapentin and pregabalin: a case series and systematic literature review. J Neurol Sci 2017;382:36–39.', pubmed('Kim negative myoclonus gabapentin pregabalin 2017')),
  fdaBenzo2020: s('fdaBenzo2020', 'US Food and Drug Administration. Drug Safety Communication: FDA requiring Boxed Warning updated to improve safe use of benzodiazepine drug class (23 September 2020).', 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-requiring-boxed-warning-updated-improve-safe-use-benzodiazepine-drug-class'),
  emaValproate2018: s('emaValproate2018', 'European Medicines Agency. New measures to avoid valproate exposure in pregnancy endorsed (CMDh, 2018); Pregnancy Prevention Programme.', 'https://www.ema.europa.eu/en/medicines/human/referrals/valproate-related-substances-0'),
  mhraValproate2024: s('mhraValproate2024', 'MHRA news, 15 January 2024: update on the study of children born to men taking valproate, and the new measures that valproate must not be started in new patients (male or female) under 55 unless two specialists agree.', 'https://www.gov.uk/government/news/mhra-update-on-new-study-on-risk-in-children-born-to-men-taking-valproate'),
  mhraValproateMen2024: s('mhraValproateMen2024', 'MHRA. Valproate: paternal exposure and risk of neurodevelopmental disorders in offspring; men and their partners advised to use effective contraception (Public Assessment Report, 5 September 2024).', 'https://www.gov.uk/government/publications/valproate-paternal-exposure-to-valproate-and-risk-of-neurodevelopmental-disorders-and-congenital-malformations-in-offspring'),
  emaValproateMen2024: s('emaValproateMen2024', 'EMA PRAC recommendation, endorsed by CMDh on 24 January 2024: precautionary measures for male patients treated with valproate (specialist start and supervision, information on the possible risk, contraception for the patient and his partner, regular review), as summarised by Walder Wyss, 2 February 2024.', 'https://www.walderwyss.com/en/news/2024-02-02_precautionary-measures-to-address-potential-risk-of-neurodevelopmental-disorders-in-children-born-to-men-treated-with-valproate-medicines', 'secondary summary of the EMA communication'),
  mhraTopiramate2024: s('mhraTopiramate2024', 'MHRA. Topiramate (Topamax): new safety measures including a Pregnancy Prevention Programme (June 2024): 2–3 times higher risk of intellectual disability, autism spectrum disorder and ADHD after exposure in pregnancy; contraception throughout and for 4 weeks after; possible interaction with hormonal contraceptives.', 'https://www.epilepsyscotland.org.uk/new-pregnancy-prevention-measures-introduced-for-topiramate/', 'read as reported by Epilepsy Scotland and ris.world; the gov.uk Drug Safety Update itself was not opened here'),
  brown1993: s('brown1993', 'Brown P, Steiger MJ, Thompson PD, et al. Effectiveness of piracetam in cortical myoclonus. Mov Disord 1993;8:63–68.', pubmed('Brown piracetam cortical myoclonus 1993')),
  ikeda1996: s('ikeda1996', 'Ikeda A, Shibasaki H, Tashiro K, Mizuno Y, Kimura J. Clinical trial of piracetam in patients with myoclonus: nationwide multiinstitution study in Japan. Mov Disord 1996;11:691–700.', pubmed('Ikeda piracetam myoclonus nationwide Japan 1996')),
  striano2005: s('striano2005', 'Striano P, et al. Levetiracetam for cortical myoclonus (16 patients, UMRS improved in all completers). Mov Disord 2005.', 'https://doi.org/10.1002/mds.20530'),
  deuschl1991: s('deuschl1991', 'Deuschl G, Löhle E, Heinen F, Lücking C. Ear click in palatal tremor: its origin and treatment with botulinum toxin. Neurology 1991;41:1677–1679.', 'https://doi.org/10.1212/WNL.41.10.1677'),
  penney2006: s('penney2006', 'Penney SE, Bruce IA, Saeed SR. Botulinum toxin is effective and safe for palatal tremor: a report of five cases and a review of the literature. J Neurol 2006;253:857–860.', pubmed('Penney botulinum toxin palatal tremor five cases 2006')),
  bhattacharjee: s('bhattacharjee', 'Bhattacharjee S. Palatal tremor: pathophysiology, clinical features, investigations, management and future challenges. Tremor Other Hyperkinet Mov.', 'https://doi.org/10.5334/tohm.188'),
  aasm2024: s('aasm2024', 'Winkelman JW, Berkowski JA, DelRosso LM, et al. Treatment of restless legs syndrome and periodic limb movement disorder: an American Academy of Sleep Medicine clinical practice guideline. J Clin Sleep Med 2024 (published online ahead of print).', 'https://doi.org/10.5664/jcsm.11390'),
  aan2016: s('aan2016', 'Winkelman JW, Armstrong MJ, Allen RP, et al. Practice guideline summary: treatment of restless legs syndrome in adults. Neurology 2016;87:2585–2593.', 'https://doi.org/10.1212/WNL.0000000000003388'),
  allen2018: s('allen2018', 'Allen RP, Picchietti DL, Auerbach M, et al. Evidence-based and consensus clinical practice guidelines for the iron treatment of restless legs syndrome/Willis-Ekbom disease in adults and children: an IRLSSG task force report. Sleep Med 2018;41:27–44.', 'https://doi.org/10.1016/j.sleep.2017.11.1126'),
  icsd3Plmd: s('icsd3Plmd', 'PLMD diagnostic criteria (ICSD-3/AASM) as tabulated in PMC9619152, Table 4; ICD-11 7A81.', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC9619152/'),
  // codes
  icd10G253: s('icd10G253', 'ICD-10-CM G25.3 Myoclonus (includes palatal myoclonus and drug-induced myoclonus).', 'https://www.icd10data.com/ICD10CM/Codes/G00-G99/G20-G26/G25-/G25.3'),
  icd10G4761: s('icd10G4761', 'ICD-10-CM G47.61 Periodic limb movement disorder.', 'https://www.icd10data.com/ICD10CM/Codes/G00-G99/G40-G47/G47-/G47.61'),
  icd10G2581: s('icd10G2581', 'ICD-10-CM G25.81 Restless legs syndrome.', 'https://www.icd10data.com/ICD10CM/Codes/G00-G99/G20-G26/G25-/G25.81'),
  hpoMyoclonus: s('hpoMyoclonus', 'Human Phenotype Ontology. HP:0001336 Myoclonus (cross-reference SNOMEDCT_US:17450006).', 'https://hpo.jax.org/browse/term/HP:0001336'),
  // remedies and exercise
  nccihChamomile: s('nccihChamomile', 'NCCIH (US National Center for Complementary and Integrative Health). Chamomile.', 'https://www.nccih.nih.gov/health/chamomile'),
  nccihGinger: s('nccihGinger', 'NCCIH. Ginger.', 'https://www.nccih.nih.gov/health/ginger'),
  nccihTurmeric: s('nccihTurmeric', 'NCCIH. Turmeric.', 'https://www.nccih.nih.gov/health/turmeric'),
  nccihPeppermint: s('nccihPeppermint', 'NCCIH. Peppermint oil.', 'https://www.nccih.nih.gov/health/peppermint-oil'),
  odsMagnesium: s('odsMagnesium', 'NIH Office of Dietary Supplements. Magnesium: fact sheet for health professionals.', 'https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/'),
  nccihYoga: s('nccihYoga', 'NCCIH. Yoga: what you need to know.', 'https://www.nccih.nih.gov/health/yoga-what-you-need-to-know'),
  nccihMeditation: s('nccihMeditation', 'NCCIH. Meditation and mindfulness: effectiveness and safety.', 'https://www.nccih.nih.gov/health/meditation-and-mindfulness-effectiveness-and-safety'),
  whoActivity2020: s('whoActivity2020', 'World Health Organization. WHO guidelines on physical activity and sedentary behaviour (2020).', 'https://www.who.int/publications/i/item/9789240015128'),
  sherrington2019: s('sherrington2019', 'Sherrington C, Fairhall NJ, Wallbank GK, et al. Exercise for preventing falls in older people living in the community. Cochrane Database Syst Rev 2019;1:CD012424.', 'https://doi.org/10.1002/14651858.CD012424.pub2'),
  nielsen2015: s('nielsen2015', 'Nielsen G, Stone J, Matthews A, et al. Physiotherapy for functional motor disorders: a consensus recommendation. J Neurol Neurosurg Psychiatry 2015;86:1113–1119.', 'https://doi.org/10.1136/jnnp-2014-309255'),
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof S;
export const allSources: readonly Source[] = Object.values(S);
