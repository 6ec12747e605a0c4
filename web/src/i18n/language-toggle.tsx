import { TranslationOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocale } from './locale-context';

/** One button that switches between the two languages; it names the language it switches to, in that language. */
export function LanguageToggle() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLocale();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button icon={<TranslationOutlined />} onClick={() => setLocale(next)} aria-label={t('language.switchToHint')} lang={next} data-testid="language-toggle">
      {t('language.switchTo')}
    </Button>
  );
}
