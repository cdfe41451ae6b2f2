/** The plugin's name and UIDs, for the server code; written in the contract, which the admin panel shares. */
export * from '../../contract/plugin-id';
