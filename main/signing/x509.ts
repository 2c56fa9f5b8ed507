// @peculiar/x509 resolves its algorithm providers through tsyringe, which needs the Reflect
// metadata API before the library loads. Import x509 through this file, never directly.
import 'reflect-metadata';

export * from '@peculiar/x509';
