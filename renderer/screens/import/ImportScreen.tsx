import { useEffect } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { useImports } from '../../stores/imports';
import { FormImportCard } from './FormImportCard';
import { PackImportCard } from './PackImportCard';
import './import.css';

/** Step 7a: bring in a signed pack (checked before anything is written) or a filled-in Word form. */
export function ImportScreen() {
  const reset = useImports((s) => s.reset);
  useEffect(() => reset, [reset]);
  return (
    <div className="page-inner">
      <PageHeader
        title="Import"
        subtitle="Every pack is verified before anything is written; a Word form is placed claim by claim, with a report you can check."
      />
      <PackImportCard />
      <FormImportCard />
    </div>
  );
}
