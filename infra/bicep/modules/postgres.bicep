// Azure Database for PostgreSQL flexible server: the shared state store when the bot runs on several instances
// (State__Provider=postgres). One database, 'teamsplans'; the app applies its own schema migrations at start-up.
@description('Azure region of the server. Not every region offers every PostgreSQL SKU: pick a nearby one if the deployment reports no capacity.')
param location string

@description('Server name (globally unique, 3-63 lowercase letters, digits, hyphens).')
@minLength(3)
@maxLength(63)
param serverName string

@description('PostgreSQL major version.')
@allowed([
  '15'
  '16'
])
param version string = '16'

@description('Compute SKU, for example Standard_B1ms (Burstable), Standard_D2ds_v5 (GeneralPurpose).')
param skuName string = 'Standard_B1ms'

@description('Tier matching skuName.')
@allowed([
  'Burstable'
  'GeneralPurpose'
  'MemoryOptimized'
])
param skuTier string = 'Burstable'

@description('Storage size in GiB.')
@minValue(32)
param storageSizeGB int = 32

@description('Administrator login name (not a secret, but do not use "admin", "postgres" or "azure_superuser").')
param administratorLogin string

@description('Administrator password. Comes from the parameters file via an environment variable; never stored in the repository.')
@secure()
param administratorPassword string

@description('Database the app uses.')
param databaseName string = 'teamsplans'

param tags object = {}

resource server 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuTier
  }
  properties: {
    version: version
    administratorLogin: administratorLogin
    administratorLoginPassword: administratorPassword
    storage: {
      storageSizeGB: storageSizeGB
      autoGrow: 'Enabled'
    }
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
    highAvailability: {
      mode: 'Disabled'
    }
    network: {
      publicNetworkAccess: 'Enabled'
    }
    authConfig: {
      activeDirectoryAuth: 'Disabled'
      passwordAuth: 'Enabled'
    }
  }
}

// 0.0.0.0 - 0.0.0.0 is Azure's convention for "allow connections from Azure services" (App Service outbound addresses).
resource allowAzureServices 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2024-08-01' = {
  parent: server
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2024-08-01' = {
  parent: server
  name: databaseName
  properties: {
    charset: 'UTF8'
    collation: 'en_US.utf8'
  }
}

output serverName string = server.name
output fullyQualifiedDomainName string = server.properties.fullyQualifiedDomainName
output databaseName string = database.name
