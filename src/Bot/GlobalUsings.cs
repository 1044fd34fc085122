// Namespaces nearly every file of the host uses.
global using Microsoft.Extensions.Logging;
global using TeamsPlans.Bot.Cards;
global using TeamsPlans.Bot.Conversation;
global using TeamsPlans.Bot.Routing;
global using TeamsPlans.Plans.Model;
global using TeamsPlans.Storage;
global using TeamsPlans.Bot.Hosting;
global using TeamsPlans.Plans.Rollup;
