// Key Vault (Azure RBAC authorization) holding the app's secrets. App Service reads them through
// @Microsoft.KeyVault(SecretUri=...) references with its managed identity; the app never sees the vault itself.
@description('Azure region of the vault.')
param location string

@description('Vault name (globally unique, 3-24 letters, digits, hyphens).')
@minLength(3)
@maxLength(24)
param vaultName string

@description('Bot client secret (SingleTenant bots). Empty for UserAssignedMSI: no secret is stored.')
@secure()
param botAppPassword string = ''

@description('Client secret of the app registration used for Microsoft Graph (application permissions). Empty when Graph sync is off.')
@secure()
param graphClientSecret string = ''

@description('Npgsql connection string of the state store.')
@secure()
param stateConnectionString string

@description('Days a deleted vault or secret can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Purge protection cannot be turned off again once enabled; recommended for production.')
param enablePurgeProtection bool = true

param tags object = {}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: enablePurgeProtection ? true : null
    publicNetworkAccess: 'Enabled'
  }
}

resource stateSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'state-connection-string'
  properties: {
    value: stateConnectionString
    contentType: 'Npgsql connection string'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(botAppPassword)) {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppPassword
    contentType: 'Entra app client secret (bot)'
  }
}

resource graphSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (!empty(graphClientSecret)) {
  parent: vault
  name: 'graph-client-secret'
  properties: {
    value: graphClientSecret
    contentType: 'Entra app client secret (Microsoft Graph)'
  }
}

output vaultName string = vault.name
output vaultUri string = vault.properties.vaultUri
// Versionless secret URIs: App Service picks up a rotated secret without a redeployment.
output stateSecretUri string = stateSecret.properties.secretUri
output botSecretUri string = botSecret.?properties.secretUri ?? ''
output graphSecretUri string = graphSecret.?properties.secretUri ?? ''
