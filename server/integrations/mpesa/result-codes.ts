/**
 * B2C result codes in words, for the manager's payouts page. Codes come as numbers or strings;
 * unknown ones are shown with Daraja's own description.
 */
const B2C_RESULT_WORDS: Record<string, string> = {
  '0': 'Paid',
  '1': 'Insufficient balance in the paying account',
  '2': 'Amount below the M-Pesa minimum',
  '3': 'Amount above the M-Pesa maximum',
  '4': 'Daily transfer limit reached',
  '8': "The artisan's M-Pesa account would exceed its maximum balance",
  '11': "The artisan's M-Pesa account is inactive",
  '2006': "The artisan's M-Pesa account is inactive",
  '21': 'The initiator is not allowed to make B2C payments',
  '2001': 'Initiator refused: wrong name, password or certificate',
  '2028': 'This shortcode is not allowed to make this payment',
  '2040': 'The number is not a registered M-Pesa customer',
  '8006': "The initiator's credential is locked",
  SFC_IC0003: 'The number does not exist',
};

export function describeResultCode(code: string | undefined, description?: string): string {
  if (code === undefined) return description ?? '';
  return B2C_RESULT_WORDS[code] ?? (description ? `${description} (code ${code})` : `M-Pesa code ${code}`);
}
