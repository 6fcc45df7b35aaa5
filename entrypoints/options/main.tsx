import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options-app';
import { getDb } from '@/lib/db/database';
import { loadRateCard, resetRateCard, saveRateCard } from '@/lib/settings/rate-card';
import '@/components/scout.css';

createRoot(document.getElementById('root')!).render(
  <OptionsApp
    db={getDb()}
    rateCard={{ load: loadRateCard, save: saveRateCard, reset: resetRateCard }}
  />,
);
