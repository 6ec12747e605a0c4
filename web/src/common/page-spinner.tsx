import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** While a screen's code or first data arrives. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
}
