/** The plugin's admin roles, for the server code; written in the contract, which the admin panel shares. */
export * from '../../../contract/role-codes';
