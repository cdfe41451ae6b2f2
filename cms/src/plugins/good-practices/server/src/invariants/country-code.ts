/** The country-code rule, written once in the contract (the site's country select offers the same codes). */
export { countryCodes, isCountryCode } from '../../../contract/country-codes';
