// Client components rendered in unit tests without a LocaleProvider read Danish, as they did
// before the provider existed (lib/i18n/useT.ts). Tests of another language wrap in LocaleProvider.
import { da } from '../../lib/i18n/messages';
import { setCatalogueWithoutProvider } from '../../lib/i18n/useT';

setCatalogueWithoutProvider(da);
