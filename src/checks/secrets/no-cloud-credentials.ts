import { defineCheck } from '../../core/check.js';
import '../../collectors/secrets/schema.js';
import { inFamily, reportSecretFindings, SECRET_MESSAGES } from '../../secrets/report.js';

export const noCloudCredentials = defineCheck({
  meta: {
    id: 'secrets/no-cloud-credentials',
    title: 'No AWS or Google Cloud credential is committed to the repository',
    severity: 'critical',
    risk: 'Cloud credentials give access to storage, compute and billing of the account; leaked keys are harvested from public repositories within minutes.',
    remediation: 'Deactivate the AWS access key (IAM) or delete the service-account key (GCP IAM) now, create a replacement held in a secret manager, and use workload identity or short-lived credentials where possible.',
    references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys'],
    controls: ['secrets.not-committed'],
  },
  needs: ['secrets'],
  messages: SECRET_MESSAGES,
  run({ secrets }, { report }) {
    reportSecretFindings(secrets, inFamily('cloud'), report);
  },
});
