/** The sample questionnaire as codebook data: ids, wording and codes are fixed, because the sample chapters cite them. */
type Opt = { code: number; label: string };
const opts = (labels: string[]): Opt[] => labels.map((label, i) => ({ code: i + 1, label }));
const dk = { code: 98, label: "Don't know", kind: 'dont-know' };
const na = { code: 99, label: 'No answer', kind: 'no-answer' };
const bands = [
  { key: 'no', label: 'No trust', min: 0, max: 2 },
  { key: 'low', label: 'Low trust', min: 3, max: 4 },
  { key: 'neutral', label: 'Neutral', min: 5, max: 6 },
  { key: 'high', label: 'High trust', min: 7, max: 8 },
  { key: 'full', label: 'Full trust', min: 9, max: 10 },
];

export const questionnaire = [
  {
    id: 'Q01', type: 'ranking', ranks: 3, columns: ['Q01_1', 'Q01_2', 'Q01_3'],
    wording: "What are your city's top three priorities for the next twelve months? (Rank up to three; open answers coded afterwards.)",
    options: opts(['Housing', 'Climate and energy', 'Mobility', 'Economy and jobs', 'Social inclusion', 'Digital transition', 'Migration and integration', 'Culture', 'Public finances', 'Safety and security', 'Health']),
    missing: [na],
  },
  { id: 'Q02', type: 'scale_0_10', wording: 'On a scale from 0 to 10, how much do you trust the European Union?', bands, missing: [dk, na] },
  { id: 'Q03', type: 'scale_0_10', wording: 'On a scale from 0 to 10, how much do you trust your national government?', bands, missing: [dk, na] },
  {
    id: 'Q04', type: 'likert', wording: 'How do you expect the economic situation of your city to develop over the next twelve months?',
    options: opts(['Much worse', 'Somewhat worse', 'About the same', 'Somewhat better', 'Much better']), missing: [dk],
  },
  {
    id: 'Q05', type: 'single', wording: 'How would you describe the affordability of housing in your city today?',
    options: opts(['Affordable', 'In the risk zone', 'Unaffordable']), missing: [dk],
  },
  {
    id: 'Q06', type: 'multi', wording: 'What are the main drivers of housing costs in your city? (Several answers possible.)',
    options: opts(['Demand above supply', 'Construction costs', 'Cost and availability of land', 'Interest rates', 'Short-term rentals', 'Investment and speculation', 'Slow permitting', 'Other']),
  },
  {
    id: 'Q07', type: 'multi', wording: 'What are the main challenges for public transport in your city? (Several answers possible.)',
    options: opts(['Funding', 'Operating costs', 'Accessibility', 'Staff shortage', 'Fleet transition to zero emission', 'Ridership recovery', 'Other']),
  },
  {
    id: 'Q08', type: 'likert', wording: 'To what extent do you agree: "My city is on track to meet its 2030 climate targets."',
    options: opts(['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree']), missing: [dk],
  },
  {
    id: 'Q09', type: 'numeric', wording: 'How many new affordable homes were completed in your city in 2025 per 10,000 inhabitants?',
    unit: 'homes per 10,000 inhabitants', min: 0, max: 100, decimals: 1,
  },
  {
    id: 'Q10', type: 'single', wording: "Compared with 2025, how has your city's culture budget for 2026 changed?",
    options: opts(['Increased', 'Unchanged', 'Decreased']), missing: [dk],
  },
  {
    id: 'Q11', type: 'multi', wording: 'Which digital tools does your city already use in public services? (Several answers possible.)',
    options: opts(['AI assistants or chatbots', 'Urban digital twin', 'Open data portal', 'Digital identity (e-ID)', 'Predictive maintenance', 'None of these']),
  },
  {
    id: 'Q12', type: 'single', wording: 'Does your city have a dedicated strategy for the integration of migrants and refugees?',
    options: opts(['Yes, adopted', 'In preparation', 'No']), missing: [dk],
  },
  {
    id: 'Q13', type: 'likert', wording: 'How would you rate cooperation between your city and your national government?',
    options: opts(['Very poor', 'Poor', 'Fair', 'Good', 'Very good']), missing: [dk],
  },
  {
    id: 'Q14', type: 'numeric', wording: "What share of your city's 2026 budget is earmarked for climate action?",
    unit: '% of municipal budget', min: 0, max: 100, decimals: 1,
  },
  { id: 'Q15', type: 'open', wording: 'What one message would you give to EU leaders?' },
];
